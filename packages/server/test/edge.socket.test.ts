import { ApiToken, User } from '@tollgate/db';
import type { IncomingMessage } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHarness, type Client } from './support/harness';

/**
 * GraphQL over WebSocket under the HTTP edge's rules: the upgrade checks
 * Origin, the session cookie counts only from an allowed Origin, API tokens
 * come in connectionParams, and the limits and the formatter apply.
 */
const h = await startHarness();
const MINT = 'mutation { createApiToken(input: { name: "minted over a socket", readOnly: false }) { secret token { readOnly } } }';
let user: User;
let signedIn: Client;
let ownOrigin: string;

beforeAll(async () => {
  user = await h.user();
  signedIn = await h.signedIn(user);
  ownOrigin = new URL(h.app.services.config.publicUrl).origin;
});

const wsUrl = () => `${h.url.replace(/^http/, 'ws')}/graphql`;
const minted = () => h.orm.em.fork().count(ApiToken, { user: user.id, name: 'minted over a socket' });

type Message = { type: string; id?: string; payload?: any };

/** A graphql-transport-ws connection with the browser's headers; each `run` answers the operation's next or error message. */
async function connect(headers: Record<string, string>, connectionParams?: Record<string, unknown>) {
  const socket = new WebSocket(wsUrl(), 'graphql-transport-ws', { headers });
  const inbox: Message[] = [];
  const waiters: Array<() => void> = [];
  socket.on('message', (data) => {
    inbox.push(JSON.parse(String(data)) as Message);
    waiters.splice(0).forEach((wake) => wake());
  });
  const next = async (match: (message: Message) => boolean): Promise<Message> => {
    for (;;) {
      const found = inbox.findIndex(match);
      if (found >= 0) return inbox.splice(found, 1)[0]!;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  socket.send(JSON.stringify({ type: 'connection_init', payload: connectionParams }));
  await next((message) => message.type === 'connection_ack');
  let ids = 0;
  return {
    async run(query: string, variables?: Record<string, unknown>): Promise<Message> {
      const id = String(++ids);
      socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } }));
      return next((message) => message.id === id && (message.type === 'next' || message.type === 'error'));
    },
    close: () => socket.close(),
  };
}

/**
 * Opens a socket as a page would and, if the server lets it, runs `query`
 * on it: answers the HTTP refusal of the upgrade, or the operation's answer.
 */
function attempt(
  headers: Record<string, string>,
  query = '{ __typename }',
  url = wsUrl(),
): Promise<{ status: number; contentType?: string; body: string } | { answer: Message }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, 'graphql-transport-ws', { headers });
    socket.on('error', () => undefined);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as Message;
      if (message.type === 'connection_ack') socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
      if (message.type === 'next' || message.type === 'error') {
        socket.close();
        resolve({ answer: message });
      }
    });
    socket.on('unexpected-response', (_request, response: IncomingMessage) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, contentType: response.headers['content-type'], body }));
    });
  });
}

function expectGraphQLError(body: string, code: string) {
  const parsed = JSON.parse(body) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
  expect(parsed).toEqual({ errors: [{ message: expect.any(String), extensions: { code } }] });
  expect(body).not.toMatch(/stack|node_modules|\.ts\b|\n\s+at /);
}

describe('the WebSocket upgrade', () => {
  it("refuses a foreign Origin bearing a user's session cookie with 403 ORIGIN_NOT_ALLOWED: the token-minting mutation never runs", async () => {
    const answer = await attempt({ origin: 'https://evil.example', cookie: signedIn.cookie! }, MINT);
    expect(await minted()).toBe(0);
    if ('answer' in answer) throw new Error(`the upgrade was accepted: ${JSON.stringify(answer.answer)}`);
    expect(answer.status).toBe(403);
    expect(answer.contentType).toBe('application/json');
    expectGraphQLError(answer.body, 'ORIGIN_NOT_ALLOWED');
  });

  it('refuses an Origin that is not even a URL', async () => {
    const answer = await attempt({ origin: 'null', cookie: signedIn.cookie! });
    if ('answer' in answer) throw new Error('the upgrade was accepted');
    expect(answer.status).toBe(403);
    expectGraphQLError(answer.body, 'ORIGIN_NOT_ALLOWED');
  });

  it('answers other paths with 404 NOT_FOUND', async () => {
    const answer = await attempt({ origin: ownOrigin }, undefined, `${h.url.replace(/^http/, 'ws')}/elsewhere`);
    if ('answer' in answer) throw new Error('the upgrade was accepted');
    expect(answer.status).toBe(404);
    expectGraphQLError(answer.body, 'NOT_FOUND');
  });
});

describe('who the socket acts for', () => {
  it("uses the session cookie from PUBLIC_URL's origin, as the SPA's own page would", async () => {
    const socket = await connect({ origin: ownOrigin, cookie: signedIn.cookie! });
    const answer = await socket.run('{ me { id } }');
    socket.close();
    expect(answer).toMatchObject({ type: 'next', payload: { data: { me: { id: user.id } } } });
  });

  it('ignores the session cookie on a socket without Origin (no browser sends none): the mutation is UNAUTHENTICATED', async () => {
    const socket = await connect({ cookie: signedIn.cookie! });
    const me = await socket.run('{ me { id } }');
    const mint = await socket.run(MINT);
    socket.close();
    expect(me).toMatchObject({ type: 'next', payload: { data: { me: null } } });
    expect(mint).toMatchObject({
      type: 'next',
      payload: { data: null, errors: [{ message: 'Sign in or send a valid API token', extensions: { code: 'UNAUTHENTICATED' } }] },
    });
    expect(await minted()).toBe(0);
  });

  it('takes a Bearer API token from connectionParams, and a read-only one may not mutate', async () => {
    const created = await signedIn.gql<{ createApiToken: { secret: string } }>('mutation { createApiToken(input: { name: "bi", readOnly: true }) { secret } }');
    const socket = await connect({}, { authorization: `Bearer ${created.data!.createApiToken.secret}` });
    const me = await socket.run('{ me { id } }');
    const mint = await socket.run(MINT);
    socket.close();
    expect(me).toMatchObject({ type: 'next', payload: { data: { me: { id: user.id } } } });
    expect(mint).toMatchObject({ type: 'next', payload: { errors: [{ message: 'This API token is read-only', extensions: { code: 'FORBIDDEN' } }] } });
    expect(await minted()).toBe(0);
  });
});

describe("the HTTP edge's limits and formatter on the socket", () => {
  it('refuses a query nested 26 levels deep with QUERY_TOO_DEEP in an error message', async () => {
    const socket = await connect({ origin: ownOrigin, cookie: signedIn.cookie! });
    const deep = `{ myOrganizations { ${'verification { organization { '.repeat(12)}id${' } }'.repeat(12)} } }`;
    const answer = await socket.run(deep);
    socket.close();
    expect(answer).toEqual({
      id: '1',
      type: 'error',
      payload: [{ message: 'Query depth limit of 12 exceeded, found 26.', extensions: { code: 'QUERY_TOO_DEEP' } }],
    });
  });

  it('refuses 1,000 aliases, a 1 MB document and a costly list the same way', async () => {
    const socket = await connect({ origin: ownOrigin, cookie: signedIn.cookie! });
    const aliases = await socket.run(`{ ${Array.from({ length: 1000 }, (_, i) => `alias${i}: __typename`).join(' ')} }`);
    const large = await socket.run(`{ me { id } }\n${'#'.repeat(1_000_000)}`);
    const costly = await socket.run(`{ ${Array.from({ length: 30 }, (_, i) => `a${i}: outboxMessages(first: 500) { id to subject }`).join(' ')} }`);
    socket.close();
    expect(aliases).toMatchObject({ type: 'error', payload: [{ extensions: { code: 'QUERY_TOO_MANY_ALIASES' } }] });
    expect(large).toMatchObject({ type: 'error', payload: [{ extensions: { code: 'DOCUMENT_TOO_LARGE' } }] });
    expect(costly).toMatchObject({ type: 'error', payload: [{ extensions: { code: 'QUERY_TOO_COSTLY' } }] });
  });

  it('answers a syntax error as VALIDATION, without a stack', async () => {
    const socket = await connect({ origin: ownOrigin });
    const answer = await socket.run('{ me { id }');
    socket.close();
    expect(answer).toMatchObject({ type: 'error', payload: [{ message: expect.stringMatching(/^Syntax Error/), extensions: { code: 'VALIDATION' } }] });
    expect(JSON.stringify(answer)).not.toMatch(/stack|node_modules/);
  });

  it('formats execution errors with their domain code', async () => {
    const socket = await connect({ origin: ownOrigin });
    const answer = await socket.run('query($id: ID!) { organization(id: $id) { id } }', { id: '0190a8b4-3c5e-7d2a-9f00-000000000001' });
    socket.close();
    expect(answer).toMatchObject({ type: 'next', payload: { errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] } });
    expect(Object.keys(answer.payload.errors[0].extensions)).toEqual(['code']);
  });
});

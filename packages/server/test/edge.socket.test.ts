import { ApiToken, User } from '@tollgate/db';
import type { IncomingMessage } from 'node:http';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHarness, type Client } from './support/harness';
import { RawSocket } from './support/raw-socket';

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

// A server of its own with small limits for the bad-input tests: the init timeout and the per-connection cap.
const INIT_TIMEOUT_MS = 300;
const MAX_SUBSCRIPTIONS = 3;
const strict = await startHarness({ GRAPHQL_WS_INIT_TIMEOUT_MS: String(INIT_TIMEOUT_MS), GRAPHQL_MAX_SUBSCRIPTIONS_PER_CONNECTION: String(MAX_SUBSCRIPTIONS) });

describe('bad input on the socket', () => {
  const TICKS = 'subscription($o: ID!) { usageTicks(organizationId: $o) { snapshot today { requests } } }';
  let headers: Record<string, string>;
  let orgId: string;

  beforeAll(async () => {
    const admin = await strict.user();
    orgId = (await strict.organization(admin)).id;
    headers = { origin: new URL(strict.app.services.config.publicUrl).origin, cookie: (await strict.signedIn(admin)).cookie! };
  });
  // Every socket a test opens is dropped after it, so a failing test does not fail the next ones.
  const opened: RawSocket[] = [];
  const open = async (...args: Parameters<typeof RawSocket.open>) => {
    const socket = await RawSocket.open(...args);
    opened.push(socket);
    return socket;
  };
  afterEach(async () => {
    for (const socket of opened.splice(0)) socket.terminate();
    for (let i = 0; i < 50 && (strict.app.webSockets.clients.size || strict.app.services.live.stats.subscribers); i++)
      await new Promise((r) => setTimeout(r, 20));
  });
  const answer = (socket: RawSocket, id: string) => socket.next((m) => m.id === id && (m.type === 'next' || m.type === 'error'));

  it(`closes a connection that never sends connection_init with 4408 after GRAPHQL_WS_INIT_TIMEOUT_MS (${INIT_TIMEOUT_MS} ms)`, async () => {
    const opened = Date.now();
    const socket = await open(strict.url, headers, { init: false });
    const closed = await socket.waitClosed(5_000);
    const after = Date.now() - opened;
    expect(closed).toEqual({ code: 4408, reason: 'Connection initialisation timeout' });
    expect(after).toBeGreaterThanOrEqual(INIT_TIMEOUT_MS - 20);
    expect(after).toBeLessThan(INIT_TIMEOUT_MS + 1_500);
    expect(socket.inbox).toEqual([]);
    // What it held on the server is gone too.
    for (let i = 0; i < 50 && strict.app.webSockets.clients.size; i++) await new Promise((r) => setTimeout(r, 20));
    expect(strict.app.webSockets.clients.size).toBe(0);
  });

  it('keeps a connection that sends connection_init in time', async () => {
    const socket = await open(strict.url, headers);
    await new Promise((r) => setTimeout(r, INIT_TIMEOUT_MS * 2));
    expect(socket.closed).toBeNull();
    expect(await answer(socket, socket.subscribe('{ __typename }'))).toMatchObject({ type: 'next', payload: { data: { __typename: 'Query' } } });
    socket.close();
  });

  it(`refuses subscription ${MAX_SUBSCRIPTIONS + 1} on one connection with TOO_MANY_SUBSCRIPTIONS; a completed one frees its place`, async () => {
    const socket = await open(strict.url, headers);
    const ids = Array.from({ length: MAX_SUBSCRIPTIONS }, () => socket.subscribe(TICKS, { o: orgId }));
    for (const id of ids) expect((await answer(socket, id)).type).toBe('next');
    const refused = await answer(socket, socket.subscribe(TICKS, { o: orgId }));
    expect(refused).toMatchObject({
      type: 'error',
      payload: [{ message: `At most ${MAX_SUBSCRIPTIONS} subscriptions may be open on one connection`, extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } }],
    });
    // A query counts while it runs, too.
    expect((await answer(socket, socket.subscribe('{ __typename }'))).payload).toMatchObject([{ extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } }]);
    expect(strict.app.services.live.stats.subscribers).toBe(MAX_SUBSCRIPTIONS);
    expect(socket.closed).toBeNull();

    socket.complete(ids[0]!);
    for (let i = 0; i < 50 && strict.app.services.live.stats.subscribers === MAX_SUBSCRIPTIONS; i++) await new Promise((r) => setTimeout(r, 20));
    expect((await answer(socket, socket.subscribe(TICKS, { o: orgId }))).type).toBe('next');
    socket.close();
  });

  it.each([
    [
      'an unknown field',
      `subscription($o: ID!) { usageTicks(organizationId: $o) { snapshot nope } }`,
      { o: 'x' },
      'Cannot query field "nope" on type "UsageTick".',
    ],
    [
      'a missing argument',
      'subscription { usageTicks { snapshot } }',
      {},
      'Field "usageTicks" argument "organizationId" of type "ID!" is required, but it was not provided.',
    ],
    [
      'two root fields',
      'subscription($o: ID!) { usageTicks(organizationId: $o) { snapshot } walletChanged(organizationId: $o) { balance } }',
      { o: 'x' },
      'Anonymous Subscription must select only one top level field.',
    ],
    ['a missing variable', TICKS, {}, 'Variable "$o" of required type "ID!" was not provided.'],
    ['a variable of the wrong type', TICKS, { o: { id: 1 } }, 'Variable "$o" got invalid value { id: 1 }; ID cannot represent value: { id: 1 }'],
  ])(
    'answers %s with an error message, code VALIDATION (graphql-js: GRAPHQL_VALIDATION_FAILED, BAD_USER_INPUT), and keeps the connection',
    async (_what, query, variables, message) => {
      const socket = await open(strict.url, headers);
      const refused = await answer(socket, socket.subscribe(query, variables));
      expect(refused).toEqual({ id: '1', type: 'error', payload: [expect.objectContaining({ message, extensions: { code: 'VALIDATION' } })] });
      expect((await answer(socket, socket.subscribe(TICKS, { o: orgId }))).type).toBe('next');
      expect(strict.app.services.live.stats.subscribers).toBe(1);
      socket.close();
    },
  );

  it.each([
    ['a message that is not JSON', 4400, (s: RawSocket) => s.ws.send('{ nope')],
    ['an unknown message type', 4400, (s: RawSocket) => s.send({ type: 'shout' })],
    ['a subscribe before connection_init', 4401, (s: RawSocket) => s.send({ id: '1', type: 'subscribe', payload: { query: '{ __typename }' } })],
    ['a second connection_init', 4429, (s: RawSocket) => s.send({ type: 'connection_init' })],
    [
      'a subscription id already in use',
      4409,
      (s: RawSocket) => {
        s.send({ id: 'a', type: 'subscribe', payload: { query: TICKS, variables: { o: orgId } } });
        s.send({ id: 'a', type: 'subscribe', payload: { query: TICKS, variables: { o: orgId } } });
      },
    ],
  ] as const)('closes the connection on %s (%i), and nothing stays behind', async (what, code, send) => {
    const socket = await open(strict.url, headers, { init: what !== 'a subscribe before connection_init' });
    send(socket);
    expect((await socket.waitClosed()).code).toBe(code);
    for (let i = 0; i < 50 && (strict.app.webSockets.clients.size || strict.app.services.live.stats.subscribers); i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(strict.app.webSockets.clients.size).toBe(0);
    expect(strict.app.services.live.stats).toMatchObject({ subscribers: 0, organizations: 0 });
  });
});

import { getIntrospectionQuery } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Client, startHarness } from './support/harness';

/**
 * Introspection by configuration (GRAPHQL_INTROSPECTION), closed to anonymous
 * callers by default under NODE_ENV=production, and the Origin allowlist of
 * a server whose PUBLIC_URL is set.
 */
const production = await startHarness({
  NODE_ENV: 'production',
  PUBLIC_URL: 'https://tollgate.example',
  GRAPHQL_ALLOWED_ORIGINS: 'https://admin.example, https://ops.example/',
});
const off = await startHarness({ GRAPHQL_INTROSPECTION: 'off' });
const SCHEMA = '{ __schema { queryType { name } } }';
let signedIn: Client;
let bearer: Client;

beforeAll(async () => {
  const user = await production.user();
  signedIn = await production.signedIn(user);
  const created = await signedIn.gql<{ createApiToken: { secret: string } }>('mutation { createApiToken(input: { name: "bi", readOnly: true }) { secret } }');
  bearer = new Client(production.url, created.data!.createApiToken.secret);
});

async function post(url: string, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { data?: Record<string, any>; errors?: Array<{ message: string; extensions: Record<string, unknown> }> },
  };
}

describe('introspection under NODE_ENV=production (default: authenticated)', () => {
  it('refuses anonymous __schema and __type with 403 INTROSPECTION_DISABLED', async () => {
    for (const query of [SCHEMA, '{ __type(name: "Query") { name } }', getIntrospectionQuery()]) {
      const { status, body } = await post(production.url, query);
      expect(status).toBe(403);
      expect(body).toEqual({ errors: [{ message: 'Introspection requires signing in or an API token', extensions: { code: 'INTROSPECTION_DISABLED' } }] });
    }
  });

  it('refuses introspection hidden in a fragment', async () => {
    const { status } = await post(production.url, 'query { ...Q } fragment Q on Query { __schema { types { name } } }');
    expect(status).toBe(403);
  });

  it('lets anonymous callers ask for __typename', async () => {
    expect(await post(production.url, '{ __typename }')).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
  });

  it('answers the full introspection query to a session and to an API token, past the depth limit', async () => {
    for (const client of [signedIn, bearer]) {
      const result = await client.gql<{ __schema: { types: unknown[] } }>(getIntrospectionQuery());
      expect(result.errors).toBeUndefined();
      expect(result.data!.__schema.types.length).toBeGreaterThan(50);
    }
  });

  it('refuses anonymous introspection over WebSocket too', async () => {
    const socket = new WebSocket(`${production.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    const answer = await new Promise<unknown>((resolve, reject) => {
      socket.on('error', reject);
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { type: string };
        if (message.type === 'connection_ack') socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: SCHEMA } }));
        else resolve(message);
      });
    });
    socket.close();
    expect(answer).toEqual({
      id: '1',
      type: 'error',
      payload: [{ message: 'Introspection requires signing in or an API token', extensions: { code: 'INTROSPECTION_DISABLED' } }],
    });
  });

  it('keeps "Did you mean" hints, which spell out the schema, from callers', async () => {
    const { body } = await post(production.url, '{ mee { id } }');
    expect(body.errors![0]).toMatchObject({ message: 'Cannot query field "mee" on type "Query".', extensions: { code: 'VALIDATION' } });
  });
});

describe('the Origin allowlist with PUBLIC_URL set', () => {
  it("accepts PUBLIC_URL's origin and GRAPHQL_ALLOWED_ORIGINS", async () => {
    for (const origin of ['https://tollgate.example', 'https://admin.example', 'https://ops.example']) {
      expect((await post(production.url, '{ __typename }', { origin })).status).toBe(200);
    }
  });

  it('refuses the host the request was sent to when PUBLIC_URL names another, and look-alike origins', async () => {
    for (const origin of [production.url, 'http://tollgate.example', 'https://tollgate.example.evil.example', 'https://admin.example:8443']) {
      const { status, body } = await post(production.url, '{ __typename }', { origin });
      expect(status).toBe(403);
      expect(body.errors![0]!.extensions).toEqual({ code: 'ORIGIN_NOT_ALLOWED' });
    }
  });
});

describe('GRAPHQL_INTROSPECTION=off', () => {
  it('refuses introspection to signed-in callers too', async () => {
    const client = await off.signedIn(await off.user());
    const result = await client.gql(SCHEMA);
    expect(result).toEqual({ errors: [{ message: 'Introspection is disabled', extensions: { code: 'INTROSPECTION_DISABLED' } }] });
  });
});

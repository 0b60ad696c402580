import { ApiToken } from '@tollgate/db';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src';
import { transportErrorHandler } from '../src/graphql/edge/http';
import { createFormatError } from '../src/graphql/format-error';
import { startHarness, type Client } from './support/harness';

/**
 * The probe's requests over HTTP, each refused before anything executes with
 * a stable code, the right status and GraphQL's error shape: no stack, no
 * file path, no HTML.
 */
const h = await startHarness();
const REPO = join(import.meta.dirname, '../../..');
let client: Client;
let organizationId: string;

beforeAll(async () => {
  const admin = await h.user();
  organizationId = (await h.organization(admin)).id;
  client = await h.signedIn(admin);
});

function post(body: string | Buffer, headers: Record<string, string> = {}) {
  return fetch(`${h.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: client.cookie!, ...headers }, body });
}

/** Asserts `{"errors":[{"message":…,"extensions":{"code":…}}]}` and nothing that would tell how the server is built. */
async function expectRefused(response: Response, status: number, code: string) {
  const text = await response.text();
  expect(response.status, text.slice(0, 300)).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
  const body = JSON.parse(text) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
  expect(Object.keys(body)).toEqual(['errors']);
  expect(body.errors).toHaveLength(1);
  expect(body.errors[0]).toMatchObject({ message: expect.any(String), extensions: { code } });
  expect(Object.keys(body.errors[0]!.extensions)).toEqual(['code']);
  expect(text).not.toMatch(/stack|<html|node_modules|\.ts\b|\.js\b|\n\s+at /i);
  expect(text).not.toContain(REPO);
  return body.errors[0]!;
}

/** SQL the server ran while `act` did, apart from finding the caller's session. */
async function sqlDuring(act: () => Promise<unknown>): Promise<string[]> {
  const before = h.queries.length;
  await act();
  return h.requestStatements(before).filter((sql) => !/"sessions"/.test(sql));
}

const nested = (levels: number) => {
  // myOrganizations (1) then verification/organization pairs, then id: `levels` selections deep.
  const pairs = (levels - 2) / 2;
  return `{ myOrganizations { ${'verification { organization { '.repeat(pairs)}id${' } }'.repeat(pairs)} } }`;
};

describe('the limits, refused before execution', () => {
  it('refuses a query nested 26 levels deep with QUERY_TOO_DEEP (400)', async () => {
    let response!: Response;
    const sql = await sqlDuring(async () => (response = await post(JSON.stringify({ query: nested(26) }))));
    const error = await expectRefused(response, 400, 'QUERY_TOO_DEEP');
    expect(error.message).toBe('Query depth limit of 12 exceeded, found 26.');
    expect(sql).toEqual([]);
  });

  it('runs the same query 12 levels deep', async () => {
    const result = await client.gql(nested(12));
    expect(result.errors).toBeUndefined();
    expect(result.data?.myOrganizations).toHaveLength(1);
  });

  it('refuses a query of 1,000 aliases with QUERY_TOO_MANY_ALIASES (400)', async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `alias${i}: __typename`).join('\n');
    let response!: Response;
    const sql = await sqlDuring(async () => (response = await post(JSON.stringify({ query: `query probe { ${aliases}\n myOrganizations { id } }` }))));
    const error = await expectRefused(response, 400, 'QUERY_TOO_MANY_ALIASES');
    expect(error.message).toBe('Aliases limit of 30 exceeded, found 1000.');
    expect(sql).toEqual([]);
  });

  it('refuses a 1 MB document with DOCUMENT_TOO_LARGE (400) without parsing it', async () => {
    const query = `{ myOrganizations { id } }\n${'# padding to one megabyte\n'.repeat(40_330)}`;
    expect(query.length).toBeGreaterThan(1_000_000);
    let response!: Response;
    const sql = await sqlDuring(async () => (response = await post(JSON.stringify({ query }))));
    const error = await expectRefused(response, 400, 'DOCUMENT_TOO_LARGE');
    expect(error.message).toMatch(/limit is 102400/);
    expect(sql).toEqual([]);
  });

  it('refuses a document of more than 5,000 tokens with DOCUMENT_TOO_LARGE (400)', async () => {
    const response = await post(JSON.stringify({ query: `{ ${'__typename '.repeat(6000)}}` }));
    await expectRefused(response, 400, 'DOCUMENT_TOO_LARGE');
  });

  it('counts lists by their size: the same alias query passes at limit 50 and is QUERY_TOO_COSTLY (400) at 500', async () => {
    const query = (limit: number) =>
      `query($o: ID!) { ${Array.from({ length: 5 }, (_, i) => `a${i}: auditEvents(organizationId: $o, limit: ${limit}) { id action targetType targetId createdAt actorUserId before after }`).join(' ')} }`;
    const cheap = await client.gql(query(50), { o: organizationId });
    expect(cheap.errors).toBeUndefined();
    let response!: Response;
    const sql = await sqlDuring(async () => (response = await post(JSON.stringify({ query: query(500), variables: { o: organizationId } }))));
    const error = await expectRefused(response, 400, 'QUERY_TOO_COSTLY');
    expect(error.message).toMatch(/cost is 2000\d; the limit is 20000/);
    expect(sql).toEqual([]);
  });

  it("refuses the heavy alias query (30 aliases of an organization's audit trail, 100 events each by default) with QUERY_TOO_COSTLY", async () => {
    const events = 'auditEvents(organizationId: $o) { id action targetType targetId projectId actorUserId actorTokenId ip createdAt before after }';
    const query = `query($o: ID!) { ${Array.from({ length: 30 }, (_, i) => `e${i}: ${events}`).join(' ')} }`;
    let response!: Response;
    const sql = await sqlDuring(async () => (response = await post(JSON.stringify({ query, variables: { o: organizationId } }))));
    const error = await expectRefused(response, 400, 'QUERY_TOO_COSTLY');
    expect(error.message).toMatch(/cost is 33030;/);
    expect(sql).toEqual([]);
  });
});

describe('transport errors in GraphQL error shape', () => {
  it('answers malformed JSON with MALFORMED_REQUEST (400), not an HTML stack page', async () => {
    const response = await post('{"query": "{ me { id } }", "variables": {');
    const error = await expectRefused(response, 400, 'MALFORMED_REQUEST');
    expect(error.message).toBe('The request body is not valid JSON');
  });

  it('answers an over-size body with REQUEST_TOO_LARGE (413)', async () => {
    const body = JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(3 * 1024 * 1024) } });
    await expectRefused(await post(body), 413, 'REQUEST_TOO_LARGE');
  });

  it("answers a body Apollo's CSRF prevention blocks (text/plain) with MALFORMED_REQUEST (400)", async () => {
    const sql = await sqlDuring(async () =>
      expectRefused(
        await post(JSON.stringify({ query: 'mutation { createApiToken(input: { name: "csrf", readOnly: false }) { secret } }' }), {
          'content-type': 'text/plain',
        }),
        400,
        'MALFORMED_REQUEST',
      ),
    );
    expect(sql.filter((statement) => /api_token/.test(statement) && /insert/i.test(statement))).toEqual([]);
  });

  it('keeps a 1 MiB invitation CSV in the variables within the body limit', async () => {
    const csv = `email,name,role\n${'someone@example.test,Some One,member\n'.repeat(27_000)}`.slice(0, 1_048_000);
    const response = await post(
      JSON.stringify({
        query: 'query($o: ID!, $csv: String!) { previewBulkInvite(organizationId: $o, csv: $csv) { totalCount } }',
        variables: { o: organizationId, csv },
      }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { errors?: Array<{ extensions: { code: string } }> };
    // The CSV's own rules (at most 500 rows) answer, not the transport.
    expect(body.errors?.[0]?.extensions.code ?? 'OK').not.toMatch(/REQUEST_TOO_LARGE|MALFORMED_REQUEST/);
  });
});

describe('the last error handler', () => {
  /** What the handler answers for an error thrown anywhere before it. */
  function answer(error: unknown) {
    const sent: { status?: number; type?: string; body?: string } = {};
    const res = {
      headersSent: false,
      status: (s: number) => ((sent.status = s), res),
      type: (t: string) => ((sent.type = t), res),
      send: (b: string) => ((sent.body = b), res),
    };
    const logger = createLogger('silent');
    transportErrorHandler(createFormatError(logger))(error, {} as never, res as never, () => undefined);
    return { ...sent, body: JSON.parse(sent.body!) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> } };
  }

  it('answers any other client error of the HTTP layer as MALFORMED_REQUEST (400)', () => {
    expect(answer(Object.assign(new Error('Failed to decode param'), { status: 400, expose: true }))).toEqual({
      status: 400,
      type: 'application/json',
      body: { errors: [{ message: 'The request could not be read', extensions: { code: 'MALFORMED_REQUEST' } }] },
    });
  });

  it('masks anything unexpected as INTERNAL (500) with a correlation id, never its message', () => {
    const { status, body } = answer(new Error('ENOENT: no such file, open /work/main/packages/web/dist/index.html'));
    expect(status).toBe(500);
    expect(body.errors[0]).toEqual({
      message: expect.stringMatching(/^Internal error \(correlation id /),
      extensions: { code: 'INTERNAL', correlationId: expect.any(String) },
    });
  });
});

describe('the Origin of browser requests', () => {
  const MINT = JSON.stringify({ query: 'mutation { createApiToken(input: { name: "from a foreign page", readOnly: false }) { secret } }' });

  it('refuses a foreign Origin carrying the session cookie with ORIGIN_NOT_ALLOWED (403) and mints nothing', async () => {
    await expectRefused(await post(MINT, { origin: 'https://evil.example' }), 403, 'ORIGIN_NOT_ALLOWED');
    expect(await h.orm.em.fork().count(ApiToken, { name: 'from a foreign page' })).toBe(0);
  });

  it("accepts PUBLIC_URL's own origin", async () => {
    const response = await post(JSON.stringify({ query: '{ me { id } }' }), { origin: new URL(h.app.services.config.publicUrl).origin });
    expect(((await response.json()) as { data: { me: { id: string } } }).data.me.id).toBeTruthy();
  });
});

describe('introspection outside production (default: anonymous)', () => {
  it('answers anonymous introspection, with "Did you mean" hints', async () => {
    const anonymous = h.anonymous();
    expect((await anonymous.gql('{ __schema { queryType { name } } }')).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    expect((await anonymous.gql('{ mee { id } }')).errors![0]!.message).toMatch(/Did you mean "me"/);
  });
});

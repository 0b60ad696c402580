import { AuditEvent, findApiKeyBySecret, sha256Hex } from '@tollgate/db';
import { API_KEY_PATTERN, formatApiKey } from '@tollgate/domain';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { outcome, startHarness } from './support/harness';

const logLines: string[] = [];
const h = await startHarness({}, { logLines });
const CREATE = 'mutation($p: ID!, $input: CreateApiKeyInput!) { createApiKey(projectId: $p, input: $input) { secret apiKey { id prefix lastFour status } } }';

/** Every row of every table of the database, as text: what a dump would hold. */
async function databaseDump(): Promise<string> {
  const em = h.orm.em.fork();
  const tables: Array<{ table_name: string }> = await em.execute(
    `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  const parts = await Promise.all(
    tables.map(async ({ table_name }) =>
      (await em.execute<Array<{ row: string }>>(`select t::text as row from "${table_name}" t`)).map((r) => r.row).join('\n'),
    ),
  );
  return parts.join('\n');
}

async function inParallel<T>(count: number, width: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await task(i);
      }
    }),
  );
  return results;
}

describe('API key secrets', () => {
  it('leave no trace after creating 1,000 keys: not in a database dump, the server log, audit events or SQL', async () => {
    const admin = await h.user();
    const organization = await h.organization(admin);
    const project = await h.project(organization);
    const operator = await h.signedIn(await h.user({ isOperator: true }));
    expect(
      outcome(
        await operator.gql('mutation($o: ID!) { setOrganizationCaps(organizationId: $o, caps: {apiKeysPerProject: 1000}) { id } }', { o: organization.id }),
      ),
    ).toBe('OK');
    const client = await h.signedIn(admin);
    const created = await inParallel(1000, 8, async (i) => (await client.gql(CREATE, { p: project.id, input: { name: `key ${i}` } })).data!.createApiKey);
    const secrets = created.map((c) => c.secret as string);
    expect(new Set(secrets).size).toBe(1000);
    for (const { secret, apiKey } of created) {
      expect(secret).toMatch(new RegExp(`^${API_KEY_PATTERN.source}$`));
      expect(secret.startsWith(apiKey.prefix) && secret.endsWith(apiKey.lastFour)).toBe(true);
    }

    const dump = await databaseDump();
    const audit = JSON.stringify(await h.orm.em.fork().find(AuditEvent, { organizationId: organization.id }));
    const log = logLines.join('\n');
    const sql = h.queries.join('\n');
    // The dump is real: it holds each key's hash and the audit trail has 1,000 creations.
    expect(secrets.every((s) => dump.includes(sha256Hex(s)))).toBe(true);
    expect(audit.match(/apiKey\.create/g)).toHaveLength(1000);
    expect(log.length).toBeGreaterThan(0);
    // Never the secret, nor its unrevealed middle (what is left after the shown prefix and last four).
    const hidden = secrets.map((s) => s.slice(12, -4));
    for (const [where, text] of Object.entries({ dump, audit, log, sql })) {
      expect(
        hidden.filter((part) => text.includes(part)),
        where,
      ).toEqual([]);
    }
  }, 180_000); // 1,000 creations serialise on the project's row lock: slow on a loaded machine

  it('refuses 10,000 malformed keys without a single database query', async () => {
    const em = h.orm.em.fork();
    const valid = formatApiKey(
      randomBytes(24)
        .toString('base64')
        .replace(/[^0-9A-Za-z]/g, '0')
        .slice(0, 32),
    );
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
    const malformed = Array.from({ length: 10_000 }, (_, i) => {
      switch (i % 5) {
        case 0:
          return randomBytes(30).toString('hex'); // random garbage
        case 1: {
          // one character changed: the checksum catches it
          const at = 6 + (i % 38);
          const replacement = alphabet[(alphabet.indexOf(valid[at]!) + 1 + (i % 61)) % 62];
          return valid.slice(0, at) + replacement + valid.slice(at + 1);
        }
        case 2:
          return valid.slice(0, -1 - (i % 5)); // truncated
        case 3:
          return `sk-tg-${'!'.repeat(38)}`; // outside the alphabet
        default:
          return `sk-live-${valid.slice(8)}`; // another vendor's prefix
      }
    });
    // Key lookups only: the server's own background work (audit, timers) may query meanwhile.
    const before = h.queries.length;
    const lookups = () => h.queries.slice(before).filter((sql) => sql.includes('key_hash')).length;
    for (const secret of malformed) expect(await findApiKeyBySecret(em, secret)).toBeNull();
    expect(lookups()).toBe(0);
    // A well-formed key does reach the database, once, so the count above could have moved.
    expect(await findApiKeyBySecret(em, valid)).toBeNull();
    expect(lookups()).toBe(1);
  });
});

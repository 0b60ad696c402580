import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { ANNOUNCEMENTS, functionBody, INVALIDATION_CHANNEL, invalidationTriggersSql, lookUpKey, parseChange, type Change } from '../src';
import { freshDatabase } from './support/fresh-database';

const { url, pool } = await freshDatabase();
const listener = new pg.Client({ connectionString: url });
await listener.connect();
await listener.query(`listen ${INVALIDATION_CHANNEL}`);
const heard: Change[] = [];
listener.on('notification', (n) => {
  const change = parseChange(n.payload);
  if (change) heard.push(change);
});
afterAll(() => listener.end());

/** The changes announced while `run` ran (notices arrive at commit). */
async function announced(run: () => Promise<unknown>): Promise<Change[]> {
  heard.length = 0;
  await run();
  await pool.query(`select pg_notify('${INVALIDATION_CHANNEL}', '{"table":"models","id":"marker"}')`);
  await expect.poll(() => heard.some((c) => c.id === 'marker'), { timeout: 2000 }).toBe(true);
  return heard.filter((c) => c.id !== 'marker');
}

// One row of every cached table.
const ids = { organization: randomUUID(), project: randomUUID(), key: randomUUID(), user: randomUUID(), upstream: randomUUID(), model: randomUUID() };
await pool.query(`insert into users (id, email, name, password_hash) values ($1, $2, 'U', 'x')`, [ids.user, `${ids.user}@example.test`]);
await pool.query(`insert into organizations (id, name, display_name) values ($1, $2, 'O')`, [ids.organization, `o-${ids.organization.slice(0, 8)}`]);
await pool.query(`insert into projects (id, organization_id, name) values ($1, $2, 'p')`, [ids.project, ids.organization]);
await pool.query(
  `insert into api_keys (id, project_id, organization_id, created_by_id, name, key_hash, prefix, last_four) values ($1, $2, $3, $4, 'k', $5, 'sk-tg-', 'abcd')`,
  [ids.key, ids.project, ids.organization, ids.user, `hash-${ids.key}`],
);
await pool.query('insert into wallets (organization_id) values ($1)', [ids.organization]);
await pool.query(`insert into upstreams (id, name, base_url) values ($1, $2, 'http://127.0.0.1:1/v1')`, [ids.upstream, `u-${ids.upstream.slice(0, 8)}`]);
await pool.query(
  `insert into models (id, name, upstream_id, upstream_model, input_price_per_million, output_price_per_million, context_window, default_max_output_tokens) values ($1, $2, $3, 'm', 1, 1, 10, 1)`,
  [ids.model, `m-${ids.model.slice(0, 8)}`, ids.upstream],
);
const rowOf: Record<string, [idColumn: string, id: string, announcedId: string]> = {
  api_keys: ['id', ids.key, ids.key],
  projects: ['id', ids.project, ids.project],
  organizations: ['id', ids.organization, ids.organization],
  wallets: ['organization_id', ids.organization, ids.organization],
  models: ['id', ids.model, ids.model],
  upstreams: ['id', ids.upstream, ids.upstream],
};

describe('the invalidation protocol', () => {
  const cached = Object.entries(ANNOUNCEMENTS).flatMap(([table, a]) => (a.columns ? a.columns.map((column) => [table, column, a.announce] as const) : []));

  it.each(cached)('announces a change of %s.%s, which a cache reads', async (table, column, kind) => {
    const [idColumn, id, announcedId] = rowOf[table]!;
    const changes = await announced(() => pool.query(`update ${table} set ${column} = ${column} where ${idColumn} = $1`, [id]));
    expect(changes).toEqual([{ table: kind, id: announcedId }]);
  });

  it('announces nothing for a column no cache reads', async () => {
    expect(await announced(() => pool.query('update api_keys set last_used_at = now() where id = $1', [ids.key]))).toEqual([]);
    expect(await announced(() => pool.query(`update organizations set display_name = 'Renamed' where id = $1`, [ids.organization]))).toEqual([]);
  });

  it('announces any change of the catalog, and money into a wallet but not a Consume', async () => {
    expect(await announced(() => pool.query(`update models set context_window = 11 where id = $1`, [ids.model]))).toEqual([{ table: 'models', id: ids.model }]);
    expect(await announced(() => pool.query(`update upstreams set base_url = 'http://127.0.0.1:2/v1' where id = $1`, [ids.upstream]))).toEqual([
      { table: 'upstreams', id: ids.upstream },
    ]);
    const credit = () =>
      pool.query(`insert into wallet_records (id, organization_id, type, amount) values (gen_random_uuid(), $1, 'RECHARGE', 5)`, [ids.organization]);
    expect(await announced(credit)).toEqual([{ table: 'wallet_records', id: ids.organization }]);
  });

  it('has the key lookup read exactly the announced columns', async () => {
    const row = await lookUpKey(pool, `hash-${ids.key}`);
    const expected = [
      ...ANNOUNCEMENTS.api_keys.columns,
      ...ANNOUNCEMENTS.projects.columns.map((c) => `project_${c}`),
      ...ANNOUNCEMENTS.organizations.columns.map((c) => `organization_${c}`),
      ...ANNOUNCEMENTS.wallets.columns.map((c) => `wallet_${c}`),
    ];
    expect(Object.keys(row!).sort()).toEqual([...expected].sort());
  });

  it('runs the trigger function the protocol defines', async () => {
    const { rows } = await pool.query(`select prosrc from pg_proc where proname = 'tollgate_notify_invalidation'`);
    expect(rows[0].prosrc).toBe(functionBody(invalidationTriggersSql()[0]!));
  });
});

import type { MikroORM } from '@tollgate/db';
import { formatMoney, limitCode, periodOf, ROLLING } from '@tollgate/domain';
import type { Outcome } from './load';
import type { Limit, Tenant } from './tenant';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface LoggedCall {
  id: string;
  time: Date;
  projectId: string;
  apiKeyId: string;
  status: number;
  errorCode: string | null;
  tokens: bigint;
  cost: bigint;
}

export interface Recorded {
  rows: LoggedCall[];
  /** The organization's Consume records: the call each is for, and its (negative) amount. */
  consumes: Array<{ requestLogId: string; amount: bigint }>;
  balance: bigint;
  recordsSum: bigint;
}

/** What PostgreSQL holds of the organization's calls and wallet. */
export async function readRecorded(orm: MikroORM, organizationId: string): Promise<Recorded> {
  const sql = orm.em.getConnection();
  const rows = await sql.execute<Array<Record<string, any>>>(
    `select id, time, project_id, api_key_id, status, error_code, (input_tokens + output_tokens)::text as tokens, cost::text as cost
     from request_logs where organization_id = ?`,
    [organizationId],
  );
  const consumes = await sql.execute<Array<{ request_log_id: string; amount: string }>>(
    `select request_log_id, amount::text as amount from wallet_records where organization_id = ? and type = 'CONSUME'`,
    [organizationId],
  );
  const [wallet] = await sql.execute<Array<{ balance: string; sum: string }>>(
    `select w.balance::text as balance, (select coalesce(sum(amount), 0)::text from wallet_records r where r.organization_id = w.organization_id) as sum
     from wallets w where w.organization_id = ?`,
    [organizationId],
  );
  return {
    rows: rows.map((r) => ({
      id: r.id,
      time: new Date(r.time),
      projectId: r.project_id,
      apiKeyId: r.api_key_id,
      status: r.status,
      errorCode: r.error_code,
      tokens: BigInt(r.tokens),
      cost: BigInt(r.cost),
    })),
    consumes: consumes.map((c) => ({ requestLogId: c.request_log_id, amount: BigInt(c.amount) })),
    balance: BigInt(wallet?.balance ?? 0),
    recordsSum: BigInt(wallet?.sum ?? 0),
  };
}

const countBy = <T>(items: T[], keyOf: (item: T) => string) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return counts;
};

const check = (name: string, failures: string[], detail: string): Check => ({
  name,
  ok: failures.length === 0,
  detail: failures.length ? `${failures.length} wrong, e.g. ${failures.slice(0, 3).join('; ')}` : detail,
});

/**
 * Every answer against the records: a 2xx has one request-log row and one Consume record; a
 * refusal at most its row and no Consume record; what no client saw answered (in flight at the
 * kill) may be recorded, never twice; and the wallet's balance is its records' sum.
 */
export function recordChecks(outcomes: Outcome[], recorded: Recorded, credit: bigint, deadAt: number): Check[] {
  const rowsById = new Map<string, LoggedCall[]>();
  for (const row of recorded.rows) rowsById.set(row.id, [...(rowsById.get(row.id) ?? []), row]);
  const consumesById = countBy(recorded.consumes, (c) => c.requestLogId);
  const ok = outcomes.filter((o) => o.status !== null && o.status < 300);
  const refused = outcomes.filter((o) => o.status !== null && o.status >= 300);
  // Without an answer: in flight at the kill (they may be recorded), or sent to the dead proxy's port later (refused, never recorded).
  const inFlightAtKill = outcomes.filter((o) => o.status === null && o.startedAt <= deadAt).length;
  const refusedConnections = outcomes.filter((o) => o.status === null).length - inFlightAtKill;
  const answeredIds = new Set(outcomes.flatMap((o) => (o.requestId ? [o.requestId] : [])));
  const okIds = new Set(ok.map((o) => o.requestId!));

  const okFailures = ok.flatMap((o) => {
    const rows = rowsById.get(o.requestId ?? '') ?? [];
    return rows.length === 1 && rows[0]!.status === o.status ? [] : [`${o.requestId}: ${rows.length} rows`];
  });
  const consumeFailures = ok.flatMap((o) => {
    const n = consumesById.get(o.requestId ?? '') ?? 0;
    return n === 1 ? [] : [`${o.requestId}: ${n} Consume records`];
  });
  const refusedFailures = refused.flatMap((o) => {
    const rows = rowsById.get(o.requestId ?? '') ?? [];
    const n = consumesById.get(o.requestId ?? '') ?? 0;
    return rows.length <= 1 && rows.every((r) => r.status === o.status) && n === 0 ? [] : [`${o.requestId}: ${rows.length} rows, ${n} Consume records`];
  });
  const unseenRows = recorded.rows.filter((r) => !answeredIds.has(r.id));
  const unseenConsumes = recorded.consumes.filter((c) => !okIds.has(c.requestLogId));
  const unseenFailures = [
    ...(unseenRows.length > inFlightAtKill ? [`${unseenRows.length} rows for ${inFlightAtKill} calls in flight at the kill`] : []),
    ...unseenConsumes
      .filter((c) => !unseenRows.some((r) => r.id === c.requestLogId))
      .map((c) => `Consume record for ${c.requestLogId}, not an unanswered call`),
    ...[...consumesById].filter(([, n]) => n > 1).map(([id, n]) => `${id}: ${n} Consume records`),
  ];
  const consumed = recorded.consumes.reduce((sum, c) => sum + c.amount, 0n);
  const ledgerFailures = [
    ...(recorded.balance === recorded.recordsSum ? [] : [`balance ${recorded.balance} ≠ sum of records ${recorded.recordsSum}`]),
    ...(recorded.recordsSum === credit + consumed ? [] : [`records ${recorded.recordsSum} ≠ credit ${credit} + Consume ${consumed}`]),
  ];
  return [
    check('every 2xx has one request-log row', okFailures, `${ok.length} answers, ${ok.length} rows`),
    check('every 2xx has one Consume record', consumeFailures, `${ok.length} Consume records`),
    check('refusals: at most one row, no Consume record', refusedFailures, `${refused.length} refusals`),
    check(
      'calls never answered: recorded at most once',
      unseenFailures,
      `${inFlightAtKill} in flight at the kill, ${unseenRows.length} of them recorded; ${refusedConnections} connections refused while it was down`,
    ),
    check(
      'wallet balance = sum of its records',
      ledgerFailures,
      `balance ${formatMoney(recorded.balance)} = ${formatMoney(credit)} − ${formatMoney(-consumed)}`,
    ),
  ];
}

/** The most a limit's scope used in any of its windows, from the request log's admitted calls. */
function mostUsed(limit: Limit, rows: LoggedCall[]): bigint {
  const inScope = rows
    .filter((r) => limit.scope === 'organization' || (limit.scope === 'project' ? r.projectId : r.apiKeyId) === limit.scopeId)
    // A 429 of the limits or the wallet went nowhere and counts against nothing.
    .filter((r) => !(r.status === 429 && !r.errorCode?.startsWith('upstream_')))
    .sort((a, b) => a.time.getTime() - b.time.getTime());
  const amount = (r: LoggedCall) => (limit.metric === 'requests' ? 1n : limit.metric === 'tokens' ? r.tokens : r.cost);
  if (limit.window === 'day' || limit.window === 'month') {
    const window = limit.window;
    const totals = new Map<string, bigint>();
    for (const r of inScope) totals.set(periodOf(window, r.time).id, (totals.get(periodOf(window, r.time).id) ?? 0n) + amount(r));
    return [...totals.values()].reduce((most, v) => (v > most ? v : most), 0n);
  }
  // A rolling span, less one second: a call's logged time is its start, a moment before its reservation.
  const spanMs = ROLLING[limit.window].spanMs - 1_000;
  let most = 0n;
  let sum = 0n;
  for (let first = 0, last = 0; last < inScope.length; last++) {
    sum += amount(inScope[last]!);
    while (inScope[last]!.time.getTime() - inScope[first]!.time.getTime() > spanMs) sum -= amount(inScope[first++]!);
    if (sum > most) most = sum;
  }
  return most;
}

const show = (limit: Limit, value: bigint) => (limit.metric === 'money' ? `$${formatMoney(value)}` : String(value));

/** Each limit against the request log, and proof that the binding ones refused while many calls passed. */
export function limitChecks(tenant: Tenant, outcomes: Outcome[], rows: LoggedCall[]): Check[] {
  const keyNames = new Map(tenant.keys.map((k) => [k.id, k.name]));
  const perLimit = tenant.limits.map((limit) => {
    const used = mostUsed(limit, rows);
    const name = `${limit.scope === 'key' ? `key ${keyNames.get(limit.scopeId)}` : limit.scope} ${limit.field} not exceeded`;
    return check(
      name,
      used <= limit.value ? [] : [`${show(limit, used)} > ${show(limit, limit.value)}`],
      `at most ${show(limit, used)} of ${show(limit, limit.value)}`,
    );
  });
  const codes = countBy(
    outcomes.filter((o) => o.status === 429),
    (o) => `${o.key}:${o.code}`,
  );
  const expected = [`rate:${limitCode('key', 'requests', 'minute')}`, `budget:${limitCode('key', 'money', 'day')}`];
  const ok = outcomes.filter((o) => o.status !== null && o.status < 300).length;
  const answered = outcomes.filter((o) => o.status !== null).length;
  const enforcement = [
    ...expected.filter((code) => !codes.get(code)).map((code) => `no refusal ${code}`),
    ...[...codes.keys()].filter((code) => !expected.includes(code)).map((code) => `unexpected refusal ${code}`),
    ...(ok * 10 >= answered * 4 ? [] : [`only ${ok} of ${answered} answers were 2xx, not 40 %`]),
    ...outcomes.filter((o) => o.status !== null && o.status !== 200 && o.status !== 429).map((o) => `answered ${o.status} ${o.code}`),
  ];
  const refusals = [...codes].map(([code, n]) => `${n} ${code}`).join(', ');
  return [check('limits refused calls, 40 % or more passed', enforcement, `${ok} of ${answered} answers 2xx; refused: ${refusals}`), ...perLimit];
}

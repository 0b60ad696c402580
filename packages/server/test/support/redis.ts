import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A Redis of the test run's own: `redis-server` on a free port, no persistence, stopped with the run. */
export interface TestRedis {
  url: string;
  stop(): Promise<void>;
}

const MISSING = 'REDIS_URL is not set and redis-server is not on PATH: install Redis (Debian: apt-get install -y redis-server) or set REDIS_URL';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

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

async function startOnce(port: number, dir: string): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
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

export async function startTestRedis(): Promise<TestRedis> {
  const dir = await mkdtemp(join(tmpdir(), 'tollgate-redis-'));
  let child: ChildProcess | undefined;
  let port = 0;
  // A free port can be taken between our probe and redis-server's bind: try a few.
  for (let attempt = 1; !child; attempt++) {
    port = await freePort();
    try {
      child = await startOnce(port, dir);
    } catch (error) {
      if ((error as Error).message === MISSING || attempt === 3) {
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
    }
  }
  const server = child;
  // Should the run end without its teardown (a crash), the server still goes with it.
  const onExit = () => server.kill('SIGKILL');
  process.once('exit', onExit);
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      process.removeListener('exit', onExit);
      server.kill('SIGTERM');
      const kill = setTimeout(() => server.kill('SIGKILL'), 5_000);
      await exited(server);
      clearTimeout(kill);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

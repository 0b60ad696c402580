import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** The repository's root: entrypoints are spawned from their sources, so the run tests the tree as it is. */
export const REPOSITORY_ROOT = new URL('../../../..', import.meta.url).pathname;

export interface Entrypoint {
  /** `packages/server/src/main.ts` or `packages/proxy/src/main.ts`. */
  path: string;
  /** What it prints before its URL once listening: SERVER_READY, PROXY_READY. */
  readyWord: string;
  env: Record<string, string>;
}

export interface Spawned {
  child: ChildProcess;
  url: string;
  /** Resolves with the exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  output(): string;
}

const running = new Set<ChildProcess>();

/**
 * One package entrypoint as its own process, as a deployment runs it. Node loads tsx as a hook
 * (not the tsx wrapper, which cannot pass SIGKILL on), so a signal sent to `child` reaches it.
 */
export function spawnEntrypoint({ path, readyWord, env }: Entrypoint): Promise<Spawned> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPOSITORY_ROOT, path)], {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => (running.delete(child), resolve(code))));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${path} did not start within 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = new RegExp(`${readyWord} (\\S+)`).exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url, exited, output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => (clearTimeout(timer), reject(new Error(`${path} exited with ${code} before it was ready:\n${output}`))));
  });
}

/** Sends `signal` and waits until the process is gone. */
export async function stopProcess(process: Spawned, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (process.child.exitCode === null && process.child.signalCode === null) process.child.kill(signal);
  return process.exited;
}

/** Every process this run started and has not seen exit: killed (a failed run must not leave them behind). */
export function killRunning(): void {
  for (const child of running) child.kill('SIGKILL');
}

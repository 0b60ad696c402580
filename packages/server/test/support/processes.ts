import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const root = new URL('../../../..', import.meta.url).pathname;
const children = new Set<ChildProcess>();
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

export interface Spawned {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
  output(): string;
}

/**
 * One of the packages' entrypoints as its own process, as a deployment runs it
 * (Node with tsx as a hook, so signals reach it): `packages/server/src/main.ts`,
 * `packages/proxy/src/main.ts` or `packages/mock-upstream/src/main.ts`. Resolves
 * with the URL it prints after `<READY_WORD> `.
 */
export function spawnEntrypoint(path: string, readyWord: string, env: Record<string, string>): Promise<Spawned> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, path)], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => (children.delete(child), resolve(code))));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${path} did not start:\n${output}`)), 60_000);
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
    void exited.then((code) => reject(new Error(`${path} exited with ${code}:\n${output}`)));
  });
}

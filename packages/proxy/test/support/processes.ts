import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const root = new URL('../../../..', import.meta.url).pathname;
const main = join(root, 'packages/proxy/src/main.ts');
const children = new Set<ChildProcess>();
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

export interface ProxyProcess {
  child: ChildProcess;
  url: string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  output(): string;
}

/**
 * The proxy as its own process, as a deployment runs it. Node loads tsx as a
 * hook (not the tsx wrapper, which cannot pass SIGKILL on), so a signal sent
 * to `child` reaches the proxy itself.
 */
export function spawnProxy(env: Record<string, string>): Promise<ProxyProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    cwd: root,
    env: { ...process.env, PROXY_PORT: '0', PROXY_HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => (children.delete(child), resolve(code))));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`proxy did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /PROXY_READY (\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url, exited, output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`proxy exited with ${code}:\n${output}`)));
  });
}

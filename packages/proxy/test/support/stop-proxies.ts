import type { ProxyProcess } from './processes';

/** Stops spawned proxies as a deployment would (SIGTERM: drain, then exit) and waits until they are gone. */
export async function stopProxies(proxies: ProxyProcess[]): Promise<void> {
  await Promise.all(
    proxies.map(async (proxy) => {
      if (proxy.child.exitCode !== null || proxy.child.signalCode !== null) return;
      proxy.child.kill('SIGTERM');
      const stopped = await Promise.race([proxy.exited.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 15_000))]);
      if (!stopped) throw new Error(`proxy ${proxy.url} did not stop on SIGTERM:\n${proxy.output()}`);
    }),
  );
}

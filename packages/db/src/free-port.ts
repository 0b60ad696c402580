import { createServer } from 'node:net';

/** A TCP port free on 127.0.0.1 now: `preferred` if it is, else one the system picks (0: always the system's). */
export async function freePort(preferred = 0): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        const { port: bound } = server.address() as { port: number };
        server.close(() => resolve(bound));
      });
    });
  return tryListen(preferred).catch(() => tryListen(0));
}

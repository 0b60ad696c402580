import { connect, createServer, type Socket } from 'node:net';

/**
 * A TCP relay to PostgreSQL that can go silent as a partition that drops packets does: stall()
 * keeps the connections open and delivers nothing either way. Proxy 1 reaches PostgreSQL through
 * it, so, stalled just before the kill, it dies holding a batch of usage entries it read and
 * never acknowledged: the entries the survivors must claim.
 */
export async function startStallableRelay(target: URL) {
  let stalled = false;
  const sockets = new Set<Socket>();
  const forward = (from: Socket, to: Socket) => from.on('data', (chunk) => void (stalled || to.destroyed || to.write(chunk)));
  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.once('close', () => sockets.delete(socket));
    }
    forward(client, upstream);
    forward(upstream, client);
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const via = new URL(target);
  via.hostname = '127.0.0.1';
  via.port = String((server.address() as { port: number }).port);
  return {
    /** The database URL through the relay. */
    url: via.toString(),
    stall: () => void (stalled = true),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

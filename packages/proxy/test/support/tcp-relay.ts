import { connect, createServer, type Socket } from 'node:net';

/**
 * A TCP relay in front of PostgreSQL or Redis that a test can break as a
 * network would: down() drops every connection and refuses new ones (a
 * restart, a partition with RST), up() lets them through again; stall()
 * keeps connections open but holds the bytes either way (a partition that
 * drops packets, no FIN or RST to tell anyone), resume() delivers them late,
 * as TCP would once the network heals.
 */
export async function startTcpRelay(target: { host: string; port: number }) {
  let down = false;
  let stalled = false;
  const held: Array<() => void> = [];
  const sockets = new Set<Socket>();
  const forward = (from: Socket, to: Socket) =>
    from.on('data', (chunk) => {
      const send = () => void (to.destroyed || to.write(chunk));
      if (stalled) held.push(send);
      else send();
    });
  const server = createServer((client) => {
    if (down) return void client.destroy();
    const upstream = connect(target.port, target.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.once('close', () => sockets.delete(s));
    }
    forward(client, upstream);
    forward(upstream, client);
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    /** Chunks held by a stall, either way: > 0 once something was sent into the silence. */
    held: () => held.length,
    stall() {
      stalled = true;
    },
    resume() {
      stalled = false;
      for (const send of held.splice(0)) send();
    },
    down() {
      down = true;
      held.length = 0;
      for (const s of sockets) s.destroy();
    },
    up() {
      down = false;
      stalled = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

import { connect, type Socket } from 'node:net';

/** One command Redis ran, as MONITOR prints it: who sent it (`lua` for a script's own calls), its name and its line. */
export interface MonitoredCommand {
  source: string;
  name: string;
  line: string;
}

// +1796167996.271907 [0 127.0.0.1:59296] "XREADGROUP" "GROUP" ...
const LINE = /^\+[\d.]+ \[\d+ ([^\]]+)\] "([^"]+)"/;

/**
 * Redis's own record of the commands it runs, on a plain socket: ioredis's monitor() can take the
 * first line printed in the same read as MONITOR's +OK for a reply to nothing ("Command queue state
 * error") when the server is busy. Resolves once MONITOR is on; `stop` ends it.
 */
export async function monitorRedis(host: string, port: number, onCommand: (command: MonitoredCommand) => void): Promise<{ stop(): void }> {
  const socket: Socket = connect(port, host);
  socket.setEncoding('latin1');
  let pending = '';
  let on = false;
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.on('data', (chunk: string) => {
      pending += chunk;
      let end: number;
      while ((end = pending.indexOf('\r\n')) >= 0) {
        const line = pending.slice(0, end);
        pending = pending.slice(end + 2);
        if (!on) {
          if (line !== '+OK') return reject(new Error(`MONITOR answered ${line}`));
          on = true;
          resolve();
          continue;
        }
        const match = LINE.exec(line);
        if (match) onCommand({ source: match[1]!, name: match[2]!.toLowerCase(), line });
      }
    });
    socket.write('MONITOR\r\n');
  });
  return { stop: () => socket.destroy() };
}

/**
 * The server process of `pnpm bench:live` (forked by live-bench.ts): createApp
 * on the bench's database, as `pnpm start` runs it, answering samples of its
 * own CPU, memory, event-loop delay and hub over IPC, so the figures are the
 * server's alone (the subscribers' clients and the usage driver run in other
 * processes).
 */
import { newCredentialKey, openOrm } from '@tollgate/db';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createApp, createLogger, loadConfig } from '../src';
import type { ServerSample, ToServer } from './live-bench-shared';

const databaseUrl = process.env.BENCH_DATABASE_URL!;
const orm = await openOrm({ databaseUrl });
const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl, CREDENTIAL_KEY: newCredentialKey() });
const app = await createApp(config, orm, createLogger('warn'));
const url = await app.listen();

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();

const send = (message: unknown) => process.send!(message);
process.on('message', (message: ToServer) => {
  if (message.type === 'sample') {
    if (message.gc) {
      gc();
      gc();
    }
    const sample: ServerSample = {
      type: 'sample',
      at: Date.now(),
      cpu: process.cpuUsage(),
      memory: process.memoryUsage(),
      hub: app.services.live.stats,
      sockets: app.webSockets.clients.size,
      loopP99Ms: loop.percentile(99) / 1e6,
      loopMaxMs: loop.max / 1e6,
    };
    loop.reset();
    send(sample);
  } else if (message.type === 'profile') {
    void profile(message.file);
  } else if (message.type === 'stop') {
    void (async () => {
      await app.close();
      await orm.close();
      send({ type: 'stopped' });
      process.exit(0);
    })();
  }
});
process.on('disconnect', () => process.exit(0));
send({ type: 'ready', url, origin: new URL(config.publicUrl).origin });

/** BENCH_PROFILE: a CPU profile of a measuring window (started with a file name, stopped and written with null). */
let profiler: Session | null = null;
let profiling: string | null = null;
async function profile(file: string | null) {
  if (file !== null) {
    if (!profiler) {
      profiler = new Session();
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.setSamplingInterval', { interval: 500 });
    }
    await profiler.post('Profiler.start');
    profiling = file;
  } else if (profiler && profiling) {
    const { profile: result } = await profiler.post('Profiler.stop');
    await writeFile(profiling, JSON.stringify(result));
    send({ type: 'profiled', file: profiling });
    profiling = null;
  }
}

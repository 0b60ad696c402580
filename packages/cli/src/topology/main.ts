/**
 * `pnpm topology [--seconds 60] [--rate 40]`: the scale-out topology run (./run.ts) on DATABASE_URL
 * and REDIS_URL, or an embedded PostgreSQL and a redis-server of its own. Prints a table of the
 * checks and exits 1 if any failed.
 */
import { parseArgs } from 'node:util';
import { runTopology } from './run';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '60' }, rate: { type: 'string', default: '40' } } });
const seconds = Number(values.seconds);
const rate = Number(values.rate);
if (!(seconds >= 5) || !(rate > 0)) {
  console.error('usage: pnpm topology [--seconds N (at least 5)] [--rate calls-per-second]');
  process.exit(2);
}

const result = await runTopology({
  seconds,
  rate,
  databaseUrl: process.env.DATABASE_URL || undefined,
  redisUrl: process.env.REDIS_URL || undefined,
  log: (line) => console.log(line),
});
const width = Math.max(...result.checks.map((c) => c.name.length));
console.log('');
for (const c of result.checks) console.log(`${c.ok ? 'ok  ' : 'FAIL'}  ${c.name.padEnd(width)}  ${c.detail}`);
console.log('');
console.log(
  Object.entries(result.figures)
    .map(([name, value]) => `${name}: ${value}`)
    .join(' | '),
);
process.exit(result.checks.every((c) => c.ok) ? 0 : 1);

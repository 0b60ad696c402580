/**
 * `pnpm bench:redis-instructions`: the instructions Redis executes per call, its reserve and its settle,
 * counted by valgrind's callgrind. One number that does not drift with the machine, where Redis's CPU
 * time per call does (by a third within minutes here): for telling a script change of a few percent.
 * Needs valgrind and redis-server on PATH (Debian: apt-get install -y valgrind redis-server).
 *
 * A redis-server of its own runs under callgrind, counting nothing at first. The limiter, with the proxy
 * bench's 18 rules (no wallet, no stream append: the shape of limiter-bench.ts), walks 5 minutes of
 * virtual time (a call every 100 ms: every minute counter holds its buckets), then CALLS calls 5 ms
 * apart (the 200 calls/s of a busy key) in runs of 20, each run's reserves and then its settles. Redis
 * counts only the reserves of the first CALLS calls, then only the settles of CALLS more.
 *
 * LIMITS_DIR (a path relative to this file, as for limiter-bench.ts) measures another copy of
 * src/limits too, on the same server, e.g. the previous version:
 *   mkdir packages/proxy/src/_before && git archive HEAD packages/proxy/src/limits | tar -x --strip-components=4 -C packages/proxy/src/_before
 *   LIMITS_DIR=../src/_before pnpm bench:redis-instructions
 * (inside src/, so the copy's own imports of ../metrics resolve).
 */
import { freePort } from '@tollgate/db';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LimitStore } from '../src/limits/limit-store';
import { ACTUAL, benchRules, noDatabase, quietLogger, RESERVED, START } from './limiter-fixture';

const CALLS = Number(process.env.CALLS ?? 1_000);
const RUN = 20;
if (!Number.isInteger(CALLS / RUN) || CALLS < RUN) throw new Error(`CALLS must be a whole number of runs of ${RUN} calls, not ${process.env.CALLS}`);

const out = mkdtempSync(join(tmpdir(), 'tollgate-callgrind-'));
const port = await freePort(6500);
const server = spawn(
  'valgrind',
  [
    '--tool=callgrind',
    '--instr-atstart=no',
    `--callgrind-out-file=${join(out, 'callgrind.out')}`,
    'redis-server',
    '--port',
    String(port),
    '--save',
    '',
    '--appendonly',
    'no',
  ],
  { stdio: 'ignore' },
);
const url = `redis://127.0.0.1:${port}`;
const pong = () => {
  try {
    return execFileSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() === 'PONG';
  } catch {
    return false;
  }
};
const control = (...args: string[]) => execFileSync('callgrind_control', [...args, String(server.pid)], { stdio: 'ignore' });

/** Redis's instructions since the last dump (callgrind_control -d writes them to a new file and starts again at 0). */
function dumped(): number {
  control('-d');
  const newest = readdirSync(out)
    .filter((f) => f.startsWith('callgrind.out.'))
    .sort((a, b) => Number(a.split('.').pop()) - Number(b.split('.').pop()))
    .pop();
  const totals = /^totals: (\d+)/m.exec(readFileSync(join(out, newest!), 'utf8'));
  if (!totals) throw new Error(`no totals in ${newest}`);
  return Number(totals[1]);
}

async function measure(dir: string): Promise<{ reserve: number; settle: number }> {
  const { Limiter } = (await import(`${dir}/limiter.ts`)) as typeof import('../src/limits/limiter');
  const { RedisLimitStore } = (await import(`${dir}/redis-store.ts`)) as typeof import('../src/limits/redis-store');
  const store = new RedisLimitStore(url);
  await store.ready();
  const limiter = new Limiter(store as LimitStore, noDatabase, { failOpenRateLimits: false }, quietLogger);
  const { ids, rules } = benchRules();
  let clock = START;
  const admit = async (stepMs: number) => {
    const admission = await limiter.admit({ organizationId: ids.organizationId, rules, amounts: RESERVED, nowMs: (clock += stepMs), wallet: false });
    if (admission.kind !== 'admitted') throw new Error(`not admitted: ${admission.kind}`);
    return admission.hold!;
  };
  try {
    for (let i = 0; i < 3_000; i++) await limiter.settle(await admit(100), ACTUAL, 0n);
    dumped(); // whatever was counted before
    const counted = { reserve: 0, settle: 0 };
    for (const step of ['reserve', 'settle'] as const) {
      for (let run = 0; run < CALLS / RUN; run++) {
        if (step === 'reserve') control('-i', 'on');
        const holds = [];
        for (let i = 0; i < RUN; i++) holds.push(await admit(5));
        control('-i', step === 'reserve' ? 'off' : 'on');
        for (const hold of holds) await limiter.settle(hold, ACTUAL, 0n);
        if (step === 'settle') control('-i', 'off');
      }
      counted[step] = dumped() / CALLS;
    }
    return counted;
  } finally {
    await store.close();
  }
}

try {
  // Under valgrind, redis-server takes a few seconds to answer.
  for (let tries = 0; !pong(); tries++) {
    if (tries > 150) throw new Error(`redis-server under valgrind did not answer on ${port}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const dirs = [['current', '../src/limits'], ...(process.env.LIMITS_DIR ? [['LIMITS_DIR', process.env.LIMITS_DIR]] : [])] as const;
  const counts: Array<{ name: string; reserve: number; settle: number; call: number }> = [];
  for (const [name, dir] of dirs) {
    const { reserve, settle } = await measure(dir);
    counts.push({ name, reserve, settle, call: reserve + settle });
  }
  const current = counts[0]!;
  const cell = (row: (typeof counts)[number], step: 'reserve' | 'settle' | 'call') =>
    Math.round(row[step]).toLocaleString('en') + (row === current ? '' : ` (current ÷ this: ${(current[step] / row[step]).toFixed(3)})`);
  const rows = counts.map((row) => `| ${row.name} | ${cell(row, 'reserve')} | ${cell(row, 'settle')} | ${cell(row, 'call')} |`);
  console.log(
    `Redis instructions per call, 18 rules, ${CALLS} calls (callgrind):\n| limits | reserve | settle | call |\n|---|---|---|---|\n${rows.join('\n')}`,
  );
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(out, { recursive: true, force: true });
}

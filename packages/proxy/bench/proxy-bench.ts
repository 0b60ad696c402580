/**
 * `pnpm bench:proxy [--write]`: the proxy against a bare node:http + undici
 * pass-through, both in front of the mock upstream (zero latency), each in its
 * own process. autocannon drives each at concurrency 1 and at saturation,
 * non-streamed and streamed; a sequential probe measures time to the first
 * streamed token. Prints p50, p99, requests/s and the proxy/bare ratios;
 * --write also records them in docs/benchmarks.md.
 */
import { dropDatabase, ensureDatabase, migrate, openOrm, Organization, OrganizationMember, Project, seedApiKey, seedMockCatalog, startEmbeddedPostgres, User, withDatabase } from '@tollgate/db';
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';

const root = new URL('../../..', import.meta.url).pathname;
const tsx = join(root, 'node_modules/.bin/tsx');
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const SATURATION = Number(process.env.BENCH_CONNECTIONS ?? 64);
const children: ChildProcess[] = [];

function run(script: string, env: Record<string, string>, ready: RegExp): Promise<string> {
  const child = spawn(tsx, [join(root, script)], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      const url = ready.exec(out)?.[1];
      if (url) resolve(url);
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

async function database() {
  if (process.env.DATABASE_URL) {
    const name = `tollgate_bench_${process.pid}`;
    await dropDatabase(process.env.DATABASE_URL, name);
    await ensureDatabase(process.env.DATABASE_URL, name);
    return { url: withDatabase(process.env.DATABASE_URL, name), stop: () => dropDatabase(process.env.DATABASE_URL!, name) };
  }
  const embedded = await startEmbeddedPostgres(await mkdtemp(join(tmpdir(), 'tollgate-bench-')));
  await ensureDatabase(embedded.adminUrl, 'bench');
  return { url: embedded.urlFor('bench'), stop: () => embedded.stop() };
}

async function seed(url: string, upstreamUrl: string) {
  const orm = await openOrm({ databaseUrl: url });
  await migrate(orm);
  const em = orm.em.fork();
  await seedMockCatalog(em, upstreamUrl);
  const user = em.create(User, { email: 'bench@example.test', name: 'Bench', passwordHash: 'unused' });
  const organization = em.create(Organization, { name: 'bench', displayName: 'Bench', grantedGroups: ['general'] });
  em.create(OrganizationMember, { organization, user, role: 'ADMIN' });
  const project = em.create(Project, { organization, name: 'bench' });
  await em.flush();
  const { secret } = await seedApiKey(em, { organizationId: organization.id, projectId: project.id, userId: user.id });
  await orm.close();
  return secret;
}

interface Figures { p50: number; p99: number; rps: number; non2xx: number }

async function drive(url: string, secret: string, connections: number, stream: boolean): Promise<Figures> {
  const body = JSON.stringify({ model: 'mock-small', messages: [{ role: 'user', content: 'benchmark' }], stream });
  const options = { url: `${url}/v1/chat/completions`, method: 'POST' as const, headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }, body, connections, pipelining: 1 };
  await autocannon({ ...options, duration: 2 }); // warm-up: JIT, pools, caches
  const result = await autocannon({ ...options, duration: DURATION });
  return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average, non2xx: result.non2xx + result.errors };
}

/** Sequential calls timed with performance.now (autocannon's histogram has whole-millisecond resolution). */
async function probe(url: string, secret: string, stream: boolean, samples = 2000): Promise<Figures> {
  const body = JSON.stringify({ model: 'mock-small', messages: [{ role: 'user', content: 'benchmark' }], stream });
  const times: number[] = [];
  let non2xx = 0;
  const started = performance.now();
  for (let i = 0; i < samples + 200; i++) {
    const t0 = performance.now();
    const res = await request(`${url}/v1/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }, body });
    await res.body.dump({ limit: Infinity });
    if (res.statusCode !== 200) non2xx++;
    if (i >= 200) times.push(performance.now() - t0);
  }
  const elapsed = performance.now() - started;
  times.sort((a, b) => a - b);
  const at = (q: number) => Number(times[Math.floor(times.length * q)]!.toFixed(3));
  return { p50: at(0.5), p99: at(0.99), rps: (samples + 200) / (elapsed / 1000), non2xx };
}

/** Median time from sending a streamed request to its first content chunk, over sequential calls. */
async function firstToken(url: string, secret: string, samples = 300): Promise<number> {
  const body = JSON.stringify({ model: 'mock-small', messages: [{ role: 'user', content: 'benchmark' }], stream: true });
  const times: number[] = [];
  for (let i = 0; i < samples + 30; i++) {
    const started = performance.now();
    const res = await request(`${url}/v1/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }, body });
    let first = 0;
    for await (const chunk of res.body) if (!first && String(chunk).includes('"content":"M')) first = performance.now() - started;
    if (i >= 30) times.push(first);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

const db = await database();
try {
  const mockUrl = await run('packages/mock-upstream/src/main.ts', { MOCK_PORT: '0' }, /MOCK_READY (\S+)/);
  const secret = await seed(db.url, mockUrl);
  const bare = await run('packages/proxy/bench/bare.ts', { UPSTREAM: new URL(mockUrl).origin, PORT: '0' }, /BARE_READY (\S+)/);
  const proxy = await run('packages/proxy/src/main.ts', { DATABASE_URL: db.url, PROXY_PORT: '0', PROXY_HOST: '127.0.0.1', REDIS_URL: '' }, /PROXY_READY (\S+)/);

  const rows: string[] = [];
  const line = (s: string) => (console.log(s), rows.push(s));
  line(`| scenario | bare p50 | proxy p50 | added p50 | bare p99 | proxy p99 | added p99 | bare req/s | proxy req/s | proxy/bare |`);
  line(`|---|---|---|---|---|---|---|---|---|---|`);
  for (const stream of [false, true]) {
    for (const connections of [1, SATURATION]) {
      const measure = connections === 1 ? (url: string) => probe(url, secret, stream) : (url: string) => drive(url, secret, connections, stream);
      const b = await measure(bare);
      const p = await measure(proxy);
      if (b.non2xx || p.non2xx) throw new Error(`non-2xx answers: bare ${b.non2xx}, proxy ${p.non2xx}`);
      line(`| ${stream ? 'stream' : 'json'}, c=${connections} | ${b.p50} ms | ${p.p50} ms | ${(p.p50 - b.p50).toFixed(2)} ms | ${b.p99} ms | ${p.p99} ms | ${(p.p99 - b.p99).toFixed(2)} ms | ${b.rps.toFixed(0)} | ${p.rps.toFixed(0)} | ${(p.rps / b.rps).toFixed(2)} |`);
    }
  }
  const [bareTtft, proxyTtft] = [await firstToken(bare, secret), await firstToken(proxy, secret)];
  line('');
  line(`First streamed token (median of 300 sequential calls): bare ${bareTtft.toFixed(3)} ms, proxy ${proxyTtft.toFixed(3)} ms, added ${(proxyTtft - bareTtft).toFixed(3)} ms.`);
  if (process.argv.includes('--write')) {
    const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
    await writeFile(join(root, 'docs/benchmarks.md'), [
      '# Proxy benchmark', '',
      `\`pnpm bench:proxy --write\` on ${new Date().toISOString().slice(0, 10)}: ${machine}. Mock upstream with zero latency,`,
      `autocannon ${DURATION} s per run after a 2 s warm-up; saturation = ${SATURATION} connections. Each server in its own process;`,
      'the bare pass-through is node:http + an undici pool with no checks. At c=1, 2,000 sequential calls timed with performance.now',
      '(after 200 warm-up calls); at saturation, autocannon (whole-millisecond latency resolution). Same run, same machine: compare',
      'the ratios and the added latency, not the absolute numbers.', '',
      ...rows, '',
    ].join('\n'));
    console.log('wrote docs/benchmarks.md');
  }
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  await db.stop();
}

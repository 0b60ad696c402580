/**
 * `pnpm bench:prompt-tokens`: what counting a long prompt for a call's reservation does to the
 * other calls in the same process. While prompts of 32 K to 1 M characters are counted back to back, a
 * timer that should fire every millisecond measures how late the event loop is
 * (monitorEventLoopDelay): every call in flight waits that long. Counted in one piece
 * (promptTokens, as before) and in slices (promptTokensInTurns, as the proxy does), in the same
 * run; also the CPU per prompt, which slicing must not raise much.
 */
import { promptTokens } from '@tollgate/domain/tokens';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { promptTokensInTurns } from '../src/call/prompt-tokens';

const WORDS = 'the quick brown fox jumps over a lazy dog while Zürich meters 東京 and 42 tokens, twice.'.split(' ');
const promptOf = (chars: number) => {
  let text = '';
  for (let i = 0; text.length < chars; i++) text += `${WORDS[(i * 7) % WORDS.length]}${i % 13 ? ' ' : '\n'}`;
  return { messages: [{ role: 'user', content: text }] };
};

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const ms = (ns: number) => (ns / 1e6).toFixed(2);

async function measure(count: (body: ReturnType<typeof promptOf>) => number | Promise<number>, body: ReturnType<typeof promptOf>) {
  const lag = monitorEventLoopDelay({ resolution: 1 });
  const ticker = setInterval(() => undefined, 1);
  await new Promise((resolve) => setTimeout(resolve, 20));
  lag.enable();
  const cpu = process.cpuUsage();
  for (let i = 0; i < ROUNDS; i++) {
    await count(body);
    await new Promise((resolve) => setImmediate(resolve));
  }
  const used = process.cpuUsage(cpu);
  lag.disable();
  clearInterval(ticker);
  return { max: lag.max, p99: lag.percentile(99), cpuMs: (used.user + used.system) / 1000 / ROUNDS };
}

console.log('| prompt | counted | CPU per prompt | event loop late, p99 | event loop late, max |');
console.log('|---|---|---|---|---|');
for (const chars of [32_768, 100_000, 1_000_000]) {
  const body = promptOf(chars);
  promptTokens(body); // warm the tokenizer's caches
  for (const [how, count] of [
    ['in one piece', promptTokens],
    ['in slices', promptTokensInTurns],
  ] as const) {
    const { max, p99, cpuMs } = await measure(count, body);
    console.log(`| ${Math.round(chars / 1000)} K characters | ${how} | ${cpuMs.toFixed(2)} ms | ${ms(p99)} ms | ${ms(max)} ms |`);
  }
}

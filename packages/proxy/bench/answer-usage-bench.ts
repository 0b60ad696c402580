/**
 * `tsx packages/proxy/bench/answer-usage-bench.ts`: what reading usage from a
 * non-streamed answer costs, per answer, with the byte scanner the proxy uses
 * (answerUsage) against parsing the whole answer (JSON.parse + readProviderUsage),
 * measured in the same run on the same answers: OpenAI's chat fixture, a long
 * chat answer, and embeddings of 1 × 16 and 8 × 1536 dimensions.
 */
import { readProviderUsage } from '@tollgate/domain';
import { readFileSync } from 'node:fs';
import { answerUsage } from '../src/usage/answer-usage';

const fixture = JSON.parse(readFileSync(new URL('../test/fixtures/providers/openai.chat.json', import.meta.url), 'utf8')).response;
const usage = fixture.usage;
const vector = (n: number) => Array.from({ length: n }, (_, i) => Math.round(Math.sin(i) * 1e6) / 1e6);
const answers: Record<string, string> = {
  'chat (fixture)': JSON.stringify(fixture),
  'chat, 16 KB of text': JSON.stringify({
    ...fixture,
    choices: [{ ...fixture.choices[0], message: { ...fixture.choices[0].message, content: 'A "quoted" word and more text. '.repeat(530) } }],
  }),
  'embeddings 1 × 16': JSON.stringify({
    object: 'list',
    data: [{ object: 'embedding', index: 0, embedding: vector(16) }],
    model: 'text-embedding-3-small',
    usage: { prompt_tokens: 8, total_tokens: 8 },
  }),
  'embeddings 8 × 1536': JSON.stringify({
    object: 'list',
    data: Array.from({ length: 8 }, (_, index) => ({ object: 'embedding', index, embedding: vector(1536) })),
    model: 'text-embedding-3-small',
    usage,
  }),
};

function time(run: () => unknown, budgetMs = 400): number {
  for (let i = 0; i < 200; i++) run();
  let n = 0;
  const started = performance.now();
  while (performance.now() - started < budgetMs) {
    for (let i = 0; i < 50; i++) run();
    n += 50;
  }
  return ((performance.now() - started) * 1e6) / n; // ns per call
}

console.log('| answer | bytes | scanner (answerUsage) | JSON.parse + readProviderUsage | scanner ÷ parse |');
console.log('|---|---|---|---|---|');
for (const [name, text] of Object.entries(answers)) {
  const buffer = Buffer.from(text);
  if (JSON.stringify(answerUsage(buffer)) !== JSON.stringify(readProviderUsage(JSON.parse(text).usage))) throw new Error(`${name}: the two disagree`);
  const scan = time(() => answerUsage(buffer));
  const parse = time(() => readProviderUsage((JSON.parse(buffer.toString('utf8')) as { usage: unknown }).usage));
  const us = (ns: number) => `${(ns / 1000).toFixed(2)} µs`;
  console.log(`| ${name} | ${buffer.length} | ${us(scan)} | ${us(parse)} | ${(scan / parse).toFixed(2)} |`);
}

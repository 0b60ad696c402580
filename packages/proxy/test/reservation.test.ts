import { costMicros } from '@tollgate/domain';
import { countTokens, promptTokens } from '@tollgate/domain/tokens';
import { describe, expect, it } from 'vitest';
import type { ModelRoute } from '../src/catalog';
import { countTokensInTurns } from '../src/call/prompt-tokens';
import { reservationFor } from '../src/call/request';

/*
 * What a call reserves before it runs, and the prompt count behind it: exact, and a long prompt
 * counted without holding up the rest of the process.
 */

const WORDS = 'the quick brown fox jumps over a lazy dog while Zürich meters 東京 and 42 tokens, <|endoftext|> included.'.split(' ');
const textOf = (chars: number) => {
  let text = '';
  for (let i = 0; text.length < chars; i++) text += `${WORDS[(i * 7) % WORDS.length]}${i % 13 ? ' ' : '\n'}`;
  return text;
};

/** Runs `count` and says what ran first: it, or work queued for the next turn of the event loop. */
async function firstDone(count: () => Promise<number>): Promise<string[]> {
  const order: string[] = [];
  setImmediate(() => order.push('other work'));
  await count();
  order.push('counted');
  await new Promise((resolve) => setImmediate(resolve));
  return order;
}

describe('countTokensInTurns', () => {
  it('counts exactly what countTokens counts, short and long', async () => {
    for (const chars of [0, 40, 32_767, 32_768, 200_000]) {
      const text = textOf(chars);
      expect(await countTokensInTurns(text), `${chars} characters`).toBe(countTokens(text));
    }
  });

  it('lets the event loop take turns while it counts a long prompt, and counts a short one at once', async () => {
    expect(await firstDone(() => countTokensInTurns(textOf(200_000)))).toEqual(['other work', 'counted']);
    expect(await firstDone(() => countTokensInTurns(textOf(1_000)))).toEqual(['counted', 'other work']);
  });
});

describe('reservationFor', () => {
  const route = {
    name: 'mock-small',
    prices: { inputPerMillion: 150_000n, cachedInputPerMillion: null, outputPerMillion: 600_000n },
    defaultMaxOutputTokens: 4_096,
  } as ModelRoute;
  const body = { model: 'mock-small', messages: [{ role: 'user', content: textOf(30_000) }], max_tokens: 100 };

  it("reserves the prompt's tokens and the output bound, priced at the input price for the prompt", async () => {
    const input = promptTokens(body);
    expect(await reservationFor(body, 'chat', route, 16_384, true)).toEqual({
      requests: 1n,
      tokens: BigInt(input + 100),
      money: costMicros({ inputTokens: input, cachedInputTokens: 0, outputTokens: 100 }, route.prices),
    });
  });

  it('reserves only the request, without reading the prompt, when nothing counts tokens or money', async () => {
    const unread = {
      model: 'mock-small',
      get messages(): never {
        throw new Error('the prompt was read');
      },
    };
    expect(await reservationFor(unread, 'chat', route, 16_384, false)).toEqual({ requests: 1n, tokens: 0n, money: 0n });
  });
});

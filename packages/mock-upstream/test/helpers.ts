import { expect } from 'vitest';
import type { MockUpstream } from '../src';

export type Json = any;

export function client(mock: MockUpstream, key?: string) {
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${mock.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const get = (path: string) => fetch(`${mock.url}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
  const json = async (res: Response | Promise<Response>): Promise<Json> => {
    const r = await res;
    expect(r.headers.get('content-type')).toBe('application/json');
    return r.json();
  };
  return { post, get, json };
}

/** Every server-sent event: its `event:` name (if any) and its data, JSON-parsed but for [DONE]. */
export async function sse(res: Response): Promise<Array<{ event?: string; data: Json }>> {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/event-stream');
  const text = await res.text();
  expect(text.endsWith('\n\n')).toBe(true);
  return text
    .split('\n\n')
    .filter(Boolean)
    .map((block) => {
      const lines = block.split('\n');
      const event = lines[0]!.startsWith('event: ') ? lines.shift()!.slice(7) : undefined;
      expect(lines).toHaveLength(1);
      expect(lines[0]!.startsWith('data: ')).toBe(true);
      const raw = lines[0]!.slice(6);
      return { ...(event === undefined ? {} : { event }), data: raw === '[DONE]' ? raw : JSON.parse(raw) };
    });
}

/** The data of every event of a chat-style stream (no `event:` lines). */
export async function chunks(res: Response): Promise<Json[]> {
  const all = await sse(res);
  for (const e of all) expect(e.event).toBeUndefined();
  return all.map((e) => e.data);
}

/** OpenAI's CompletionUsage with every detail. */
export const openaiUsage = (prompt: number, completion: number, cached = 0, reasoning = 0) => ({
  prompt_tokens: prompt,
  completion_tokens: completion,
  total_tokens: prompt + completion,
  prompt_tokens_details: { cached_tokens: cached, audio_tokens: 0 },
  completion_tokens_details: { reasoning_tokens: reasoning, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
});

/** OpenAI's cached-token rule: 1024 + 128·⌊(p − 1024) / 128⌋ for p ≥ 1024. */
export const cachedFor = (prompt: number) => (prompt < 1024 ? 0 : 1024 + 128 * Math.floor((prompt - 1024) / 128));

/** A text of many distinct words, long enough to be ≥ 1024 tokens from `words` ≈ 1100. */
export const longText = (seed: string, words = 1100) => Array.from({ length: words }, (_, i) => `${seed}${i}`).join(' ');

export async function reads(res: Response) {
  return { status: res.status, body: (await res.json()) as Json };
}

export function expectOpenAiError(body: Json, expected: { type: string; code?: string | null; param?: string | null }) {
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
  expect(body.error.message).toEqual(expect.any(String));
  expect(body.error).toMatchObject(expected);
}

/** Reads a stream the mock breaks off ([[fail:cut]]): the data of the events that arrived, and the error that ended it. */
export async function cutStream(res: Response): Promise<{ data: Json[]; error: unknown; text: string }> {
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const error = await (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return null;
      text += decoder.decode(value, { stream: true });
    }
  })().catch((e: unknown) => e);
  const data = text
    .split('\n\n')
    .filter(Boolean)
    .map((block) => JSON.parse(block.split('\n').at(-1)!.slice(6)));
  return { data, error, text };
}

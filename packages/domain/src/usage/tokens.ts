import { countTokens as count, encode, encodeGenerator } from 'gpt-tokenizer';

/**
 * Token counts when an upstream reports none: o200k_base (gpt-4o's encoding)
 * via gpt-tokenizer. Imported as `@tollgate/domain/tokens`, apart from the
 * package index, so the SPA never bundles the encoder.
 */
export const countTokens = (text: string): number => (text ? count(text, AS_TEXT) : 0);

/** The tokens of a text, special tokens' spellings included as text (see AS_TEXT). */
export const encodeText = (text: string): number[] => encode(text, AS_TEXT);

/**
 * A special token's spelling in someone's text (`<|endoftext|>` in a prompt about tokenizers) is
 * text, as providers count it; gpt-tokenizer's default throws on it.
 */
const AS_TEXT = { disallowedSpecial: new Set<string>() };

type Message = { content?: unknown };

/** The text of a message: a string content, or its text parts. */
export function messageText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part) => (part && typeof part === 'object' && 'text' in part ? String(part.text) : '')).join('');
  return '';
}

/**
 * What a request's prompt counts, joined by newlines: every message's text (chat);
 * the completion prompt(s) or embedding input(s); or a Responses API request's
 * instructions and input (a string, or items whose content is counted like a message's).
 */
export function promptText(body: { messages?: unknown; prompt?: unknown; input?: unknown; instructions?: unknown }): string {
  if (Array.isArray(body.messages)) return (body.messages as Message[]).map((m) => messageText(m.content)).join('\n');
  const parts = typeof body.instructions === 'string' && body.instructions ? [body.instructions] : [];
  const prompt = body.prompt ?? body.input;
  if (typeof prompt === 'string') parts.push(prompt);
  else if (Array.isArray(prompt)) {
    for (const p of prompt) {
      if (typeof p === 'string') parts.push(p);
      else if (p && typeof p === 'object' && !Array.isArray(p)) parts.push(messageText((p as Message).content));
    }
  }
  return parts.join('\n');
}

/** One prompt of a completions or embeddings request: text, or token ids. */
export type Prompt = string | number[];

/** A prompt or input: a string, strings, a token array, or token arrays; null when none of these. */
export function promptsOf(value: unknown): Prompt[] | null {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value) || value.length === 0) return null;
  if (value.every((v) => typeof v === 'string')) return value;
  if (value.every((v) => Number.isInteger(v))) return [value];
  if (value.every((v) => Array.isArray(v) && v.every((t) => Number.isInteger(t)))) return value;
  return null;
}

export type PromptBody = { messages?: unknown; prompt?: unknown; input?: unknown; instructions?: unknown };

/** A request's prompt tokens: its text counted, plus token-id prompts as they are. */
export function promptTokens(body: PromptBody): number {
  return countTokens(promptText(body)) + tokenIdCount(body);
}

/** The tokens of a completions or embeddings request's token-id prompts. */
export function tokenIdCount(body: PromptBody): number {
  if (Array.isArray(body.messages)) return 0;
  let ids = 0;
  for (const p of promptsOf(body.prompt ?? body.input) ?? []) if (typeof p !== 'string') ids += p.length;
  return ids;
}

/** A text's tokens piece by piece (a word, a number, a run of punctuation each): their lengths sum to countTokens. */
export const tokenPieces = (text: string): Iterable<number[]> => encodeGenerator(text, AS_TEXT);

export const countPromptTokens = (messages: readonly Message[]): number => countTokens(promptText({ messages }));

import { encode } from 'gpt-tokenizer';

/**
 * Token counts when an upstream reports none: o200k_base (gpt-4o's encoding)
 * via gpt-tokenizer. Imported as `@tollgate/domain/tokens`, apart from the
 * package index, so the SPA never bundles the encoder.
 */
export const countTokens = (text: string): number => (text ? encode(text).length : 0);

type Message = { content?: unknown };

/** The text of a message: a string content, or its text parts. */
export function messageText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part) => (part && typeof part === 'object' && 'text' in part ? String(part.text) : '')).join('');
  return '';
}

/** What a request's prompt counts: every message's text, or the completion prompt(s), or the embedding input(s), joined by newlines. */
export function promptText(body: { messages?: unknown; prompt?: unknown; input?: unknown }): string {
  if (Array.isArray(body.messages)) return (body.messages as Message[]).map((m) => messageText(m.content)).join('\n');
  const prompt = body.prompt ?? body.input;
  if (typeof prompt === 'string') return prompt;
  if (Array.isArray(prompt)) return prompt.filter((p): p is string => typeof p === 'string').join('\n');
  return '';
}

export const countPromptTokens = (messages: readonly Message[]): number => countTokens(promptText({ messages }));

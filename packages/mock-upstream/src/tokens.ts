import { encode } from 'gpt-tokenizer';

/** o200k_base token counts (gpt-tokenizer), the same the proxy falls back to. */
export const countTokens = (text: string): number => (text ? encode(text).length : 0);

type Message = { content?: unknown };

/** Prompt tokens: the text of every message (strings and text parts), joined by newlines. */
export const countPromptTokens = (messages: readonly Message[]): number => countTokens(messages.map((m) => messageText(m.content)).join('\n'));

export function messageText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part) => (part && typeof part === 'object' && 'text' in part ? String(part.text) : '')).join('');
  return '';
}

import { encode } from 'gpt-tokenizer';

/**
 * Token counts when the upstream reports none: o200k_base (gpt-4o's
 * encoding) via gpt-tokenizer. The prompt counts the text of every message
 * (string contents and text parts), or the completion prompt(s), or the
 * embedding input(s), joined by newlines.
 */
export const countTokens = (text: string): number => (text ? encode(text).length : 0);

export function promptText(body: Record<string, unknown>): string {
  if (Array.isArray(body.messages)) return body.messages.map((m) => messageText((m as { content?: unknown }).content)).join('\n');
  const prompt = body.prompt ?? body.input;
  if (typeof prompt === 'string') return prompt;
  if (Array.isArray(prompt)) return prompt.filter((p): p is string => typeof p === 'string').join('\n');
  return '';
}

function messageText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part) => (part && typeof part === 'object' && 'text' in part ? String(part.text) : '')).join('');
  return '';
}

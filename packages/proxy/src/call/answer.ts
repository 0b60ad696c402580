import { topLevelMember } from '../usage/answer-usage';

/** A whole answer parsed, or null when it is not JSON. */
export function parseAnswer(answer: Buffer): Record<string, unknown> | null {
  try {
    return JSON.parse(answer.toString('utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** The text a non-streamed answer generated: chat message contents (and reasoning), completion texts, or the Responses API's output text. */
export function generatedText(answer: Record<string, unknown>): string {
  const choices = answer.choices as Array<{ message?: { content?: string | null; reasoning_content?: string | null }; text?: string }> | undefined;
  const output = answer.output as Array<{ type?: string; content?: Array<{ type?: string; text?: string }> }> | undefined;
  if (Array.isArray(output))
    return output
      .flatMap((item) => (item.type === 'message' && Array.isArray(item.content) ? item.content : []))
      .map((part) => (part.type === 'output_text' ? (part.text ?? '') : ''))
      .join('');
  return (Array.isArray(choices) ? choices : []).map((c) => (c.message?.reasoning_content ?? '') + (c.message?.content ?? c.text ?? '')).join('');
}

/** A Responses API answer's id, read like its usage: without parsing the answer. */
export function responseIdOf(answer: Buffer): string | null {
  const span = topLevelMember(answer, 'id');
  if (!span) return null;
  const id = answer.toString('latin1', span[0] + 1, span[1] - 1);
  return answer[span[0]] === 0x22 && /^resp_[A-Za-z0-9_-]{1,96}$/.test(id) ? id : null;
}

import type { Reply } from './reply';
import type { Stream, Usage } from './shapes';

type Body = Record<string, any>;

/** One Responses API answer, before it is rendered as a Response object or its event stream. */
export interface ResponseAnswer {
  id: string;
  /** The message item's id (msg_…). */
  messageId: string;
  createdAt: number;
  model: string;
  reply: Reply;
  /** Reasoning tokens (`[[reasoning:N]]`), counted in output_tokens and reported in output_tokens_details. */
  reasoning: number;
  /** null with [[no-usage]]. */
  usage: Usage | null;
  serviceTier: string;
  obfuscation: boolean;
  /** The request, for the fields a Response echoes. */
  body: Body;
}

/** OpenAI's ResponseUsage. */
export function responseUsage(u: Usage) {
  return {
    input_tokens: u.prompt,
    input_tokens_details: { cached_tokens: u.cached, cache_write_tokens: 0 },
    output_tokens: u.completion,
    output_tokens_details: { reasoning_tokens: u.reasoning },
    total_tokens: u.prompt + u.completion,
  };
}

const incomplete = (r: ResponseAnswer) => r.reply.finish === 'length';
const outputText = (text: string) => ({ type: 'output_text', text, annotations: [], logprobs: [] });
const message = (r: ResponseAnswer, status: string, content: object[]) => ({ type: 'message', id: r.messageId, status, role: 'assistant', content });

/** The output items of a finished answer: its message (no reasoning item: OpenAI's documented reasoning answers show none). */
const output = (r: ResponseAnswer) => [message(r, incomplete(r) ? 'incomplete' : 'completed', [outputText(r.reply.content)])];

/** A Response object with every top-level field OpenAI's carries, echoing the request where it says so. */
function responseObject(r: ResponseAnswer, done: boolean) {
  const b = r.body;
  const status = !done ? 'in_progress' : incomplete(r) ? 'incomplete' : 'completed';
  return {
    id: r.id,
    object: 'response',
    created_at: r.createdAt,
    status,
    background: false,
    completed_at: status === 'completed' ? r.createdAt : null,
    error: null,
    incomplete_details: status === 'incomplete' ? { reason: 'max_output_tokens' } : null,
    instructions: b.instructions ?? null,
    max_output_tokens: b.max_output_tokens ?? null,
    max_tool_calls: b.max_tool_calls ?? null,
    model: r.model,
    output: done ? output(r) : [],
    parallel_tool_calls: b.parallel_tool_calls ?? true,
    previous_response_id: b.previous_response_id ?? null,
    prompt_cache_key: b.prompt_cache_key ?? null,
    prompt_cache_retention: b.prompt_cache_retention ?? null,
    reasoning: { effort: b.reasoning?.effort ?? null, summary: b.reasoning?.summary ?? null },
    safety_identifier: b.safety_identifier ?? null,
    service_tier: r.serviceTier,
    store: b.store !== false,
    temperature: b.temperature ?? 1,
    text: { format: b.text?.format ?? { type: 'text' }, verbosity: b.text?.verbosity ?? 'medium' },
    tool_choice: b.tool_choice ?? 'auto',
    tools: Array.isArray(b.tools) ? b.tools : [],
    top_logprobs: b.top_logprobs ?? 0,
    top_p: b.top_p ?? 1,
    truncation: b.truncation ?? 'disabled',
    usage: done && r.usage ? responseUsage(r.usage) : null,
    user: b.user ?? null,
    metadata: b.metadata ?? {},
  };
}

/** The finished Response object, as POST /v1/responses (not streamed) and GET /v1/responses/{id} answer it. */
export function responseJson(r: ResponseAnswer): string {
  return JSON.stringify(responseObject(r, true));
}

/**
 * OpenAI's event stream for a text answer: response.created, response.in_progress,
 * output_item.added, content_part.added, chunkCount output_text.delta,
 * output_text.done, content_part.done, output_item.done, then response.completed
 * (or response.incomplete when max_output_tokens cut it short). Every event has
 * an `event:` line and a sequence_number from 0; there is no [DONE].
 */
export function responseStream(r: ResponseAnswer, chunkCount: number, final: string): Stream {
  const events: string[] = [];
  let seq = 0;
  const event = (type: string, fields: string) => events.push(`event: ${type}\ndata: {"type":"${type}",${fields},"sequence_number":${seq++}}\n\n`);
  const pending = JSON.stringify(responseObject(r, false));
  event('response.created', `"response":${pending}`);
  event('response.in_progress', `"response":${pending}`);
  const index = 0;
  const where = `"item_id":"${r.messageId}","output_index":${index},"content_index":0`;
  event('response.output_item.added', `"output_index":${index},"item":${JSON.stringify(message(r, 'in_progress', []))}`);
  event('response.content_part.added', `${where},"part":${JSON.stringify(outputText(''))}`);
  const pieces = r.reply.pieces;
  const padding = r.reply.padding;
  // [[fail:cut]]: everything up to half the deltas.
  const cutAfter = events.length + Math.max(1, Math.floor(chunkCount / 2));
  for (let k = 0; k < chunkCount; k++)
    event('response.output_text.delta', `${where},"delta":${pieces[k]},"logprobs":[]${r.obfuscation ? `,"obfuscation":"${padding[k]}"` : ''}`);
  const text = JSON.stringify(r.reply.content);
  event('response.output_text.done', `${where},"text":${text},"logprobs":[]`);
  event('response.content_part.done', `${where},"part":${JSON.stringify(outputText(r.reply.content))}`);
  event(
    'response.output_item.done',
    `"output_index":${index},"item":${JSON.stringify(message(r, incomplete(r) ? 'incomplete' : 'completed', [outputText(r.reply.content)]))}`,
  );
  event(incomplete(r) ? 'response.incomplete' : 'response.completed', `"response":${final}`);
  return { events, cutAfter };
}

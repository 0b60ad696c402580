import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { countPromptTokens, countTokens, messageText } from './tokens';

export interface MockOptions {
  port: number;
  host: string;
  /** Delay before the first byte. */
  latencyMs: number;
  /** Content chunks in a stream. */
  chunkCount: number;
  chunkIntervalMs: number;
  models: string[];
  /** When set, calls must send `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
}

const DEFAULTS: MockOptions = { port: 0, host: '127.0.0.1', latencyMs: 0, chunkCount: 8, chunkIntervalMs: 0, models: ['mock-small', 'mock-large', 'mock-embed'] };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * An OpenAI-compatible upstream for the start command, tests and benchmarks.
 * Replies are deterministic, with real (o200k) token counts. Markers in the
 * last message inject failures: [[fail:500]], [[fail:429]], [[fail:timeout]],
 * [[fail:cut]] (stream broken off half way), [[no-usage]], [[latency:N]].
 */
export async function startMockUpstream(options: Partial<MockOptions> = {}) {
  const o = { ...DEFAULTS, ...options };
  let served = 0;
  const hanging = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    served++;
    handle(req, res, o, hanging).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(o.port, o.host, resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://${o.host}:${port}/v1`,
    port,
    get requests() {
      return served;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(res: ServerResponse, status: number, body: unknown) {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) }).end(json);
}
const error = (res: ServerResponse, status: number, type: string, code: string | null, message: string, param: string | null = null) =>
  send(res, status, { error: { message, type, param, code } });

async function readJson(req: IncomingMessage): Promise<Record<string, any> | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  try {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return body && typeof body === 'object' && !Array.isArray(body) ? body : null;
  } catch {
    return null;
  }
}

async function handle(req: IncomingMessage, res: ServerResponse, o: MockOptions, hanging: Set<ServerResponse>) {
  const path = req.url?.split('?')[0];
  if (o.apiKey && req.headers.authorization !== `Bearer ${o.apiKey}`) return error(res, 401, 'invalid_request_error', 'invalid_api_key', 'Incorrect API key provided.');
  if (req.method === 'GET' && path === '/v1/models') {
    return send(res, 200, { object: 'list', data: o.models.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'mock' })) });
  }
  const kind = req.method === 'POST' ? ({ '/v1/chat/completions': 'chat', '/v1/completions': 'completion', '/v1/embeddings': 'embedding' } as const)[path ?? ''] : undefined;
  if (!kind) return error(res, 404, 'invalid_request_error', 'unknown_url', `Unknown request URL: ${req.method} ${path}`);
  const body = await readJson(req);
  if (!body) return error(res, 400, 'invalid_request_error', null, 'We could not parse the JSON body of your request.');
  if (!o.models.includes(body.model)) return error(res, 404, 'invalid_request_error', 'model_not_found', `The model \`${body.model}\` does not exist.`, 'model');

  const prompt = kind === 'chat' ? messageText((body.messages ?? []).at(-1)?.content) : [body.prompt ?? body.input].flat().join('\n');
  const latency = Number(/\[\[latency:(\d+)\]\]/.exec(prompt)?.[1] ?? o.latencyMs);
  if (latency) await sleep(latency);
  if (prompt.includes('[[fail:500]]')) return error(res, 500, 'server_error', null, 'The mock failed on purpose.');
  if (prompt.includes('[[fail:429]]')) return error(res, 429, 'rate_limit_exceeded', 'rate_limit_exceeded', 'Rate limit reached (mock).');
  if (prompt.includes('[[fail:timeout]]')) {
    hanging.add(res);
    res.once('close', () => hanging.delete(res));
    return;
  }
  const promptTokens = kind === 'chat' ? countPromptTokens(body.messages ?? []) : countTokens([body.prompt ?? body.input].flat().filter((p) => typeof p === 'string').join('\n'));
  if (kind === 'embedding') return embeddings(res, body, promptTokens);
  const withUsage = !prompt.includes('[[no-usage]]');
  const { content, finish } = reply(prompt, body.max_completion_tokens ?? body.max_tokens);
  const usage = { prompt_tokens: promptTokens, completion_tokens: countTokens(content), total_tokens: promptTokens + countTokens(content) };
  const id = `${kind === 'chat' ? 'chatcmpl' : 'cmpl'}-mock${Date.now().toString(36)}`;
  const created = Math.floor(Date.now() / 1000);
  if (body.stream === true) return stream(res, o, { kind, id, created, model: body.model, content, finish, usage: withUsage && body.stream_options?.include_usage === true ? usage : null, cut: prompt.includes('[[fail:cut]]') });
  if (prompt.includes('[[fail:cut]]')) {
    res.writeHead(200, { 'content-type': 'application/json' });
    return void res.destroy();
  }
  const choice = kind === 'chat' ? { index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: finish } : { index: 0, text: content, logprobs: null, finish_reason: finish };
  send(res, 200, { id, object: kind === 'chat' ? 'chat.completion' : 'text_completion', created, model: body.model, choices: [choice], ...(withUsage ? { usage } : {}) });
}

/** A deterministic reply; max_tokens cuts it (finish_reason "length"). */
function reply(prompt: string, maxTokens: unknown): { content: string; finish: 'stop' | 'length' } {
  const words = prompt.replace(/\[\[[^\]]*\]\]/g, '').trim().split(/\s+/).slice(0, 8).join(' ');
  const full = `Mock reply to: ${words}. This answer is deterministic, so tests and benchmarks can rely on it.`;
  if (typeof maxTokens !== 'number' || countTokens(full) <= maxTokens) return { content: full, finish: 'stop' };
  const parts = full.split(' ');
  while (parts.length > 1 && countTokens(parts.join(' ')) > maxTokens) parts.pop();
  return { content: parts.join(' '), finish: 'length' };
}

function embeddings(res: ServerResponse, body: Record<string, any>, promptTokens: number) {
  const inputs = [body.input].flat();
  const data = inputs.map((input, index) => ({ object: 'embedding', index, embedding: Array.from({ length: 16 }, (_, i) => Number((((String(input).length + 1) * (i + 1)) % 97 / 97).toFixed(6))) }));
  send(res, 200, { object: 'list', data, model: body.model, usage: { prompt_tokens: promptTokens, total_tokens: promptTokens } });
}

/** Splits text into `count` pieces (fewer when shorter), keeping every character. */
function pieces(text: string, count: number): string[] {
  const size = Math.max(1, Math.ceil(text.length / count));
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

async function stream(
  res: ServerResponse, o: MockOptions,
  s: { kind: 'chat' | 'completion'; id: string; created: number; model: string; content: string; finish: string; usage: Record<string, number> | null; cut: boolean },
) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const object = s.kind === 'chat' ? 'chat.completion.chunk' : 'text_completion';
  const usageField = s.usage ? { usage: null } : {};
  const event = (choices: unknown[], extra: Record<string, unknown> = usageField) => `data: ${JSON.stringify({ id: s.id, object, created: s.created, model: s.model, choices, ...extra })}\n\n`;
  const choice = (delta: Record<string, unknown>, finish: string | null) =>
    s.kind === 'chat' ? { index: 0, delta, logprobs: null, finish_reason: finish } : { index: 0, text: (delta.content as string) ?? '', logprobs: null, finish_reason: finish };
  const events = [
    ...(s.kind === 'chat' ? [event([choice({ role: 'assistant', content: '' }, null)])] : []),
    ...pieces(s.content, o.chunkCount).map((p) => event([choice({ content: p }, null)])),
    event([choice({}, s.finish)]),
    ...(s.usage ? [event([], { usage: s.usage })] : []),
    'data: [DONE]\n\n',
  ];
  const cutAt = s.cut ? Math.max(1, Math.floor(events.length / 2)) : -1;
  for (let i = 0; i < events.length; i++) {
    if (i === cutAt) {
      // Let what was written reach the client first: the cut comes mid-stream, not before it.
      await sleep(20);
      return void res.destroy();
    }
    if (i > 0 && o.chunkIntervalMs) await sleep(o.chunkIntervalMs);
    if (res.destroyed) return;
    res.write(events[i]);
  }
  res.end();
}

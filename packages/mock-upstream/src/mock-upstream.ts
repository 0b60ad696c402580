import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { PromptCache } from './cache';
import { embeddingOf, makeReply, markersIn, Memo, type Reply } from './reply';
import { responseJson, responseStream, type ResponseAnswer } from './responses';
import { isProvider, PROVIDERS, SHAPES, type Completion, type Provider, type Stream, type Usage } from './shapes';
import { countTokens, messageText, promptsOf, promptText, type Prompt } from './tokens';

export interface MockOptions {
  /** 0 picks a free port. */
  port: number;
  host: string;
  /** Delay before the first byte of every answer (`[[latency:N]]` overrides it for one request). */
  latencyMs: number;
  /** Content chunks in a stream (per choice). */
  chunkCount: number;
  /** Pause between two stream events. */
  chunkIntervalMs: number;
  models: string[];
  /** When set, calls must send `Authorization: Bearer <apiKey>`, or get a 401. */
  apiKey?: string;
  /** How many Responses API answers GET /v1/responses/{id} can still find (the oldest are forgotten first). */
  storedResponses: number;
}

export interface MockUpstream {
  /** The base URL, ending in /v1, e.g. http://127.0.0.1:4200/v1. */
  url: string;
  port: number;
  /** How many requests arrived so far (any route, any outcome). */
  readonly requests: number;
  /** Stops listening, drops keep-alive and held sockets, cancels pending delays. */
  close(): Promise<void>;
}

const DEFAULTS: MockOptions = {
  port: 0,
  host: '127.0.0.1',
  latencyMs: 0,
  chunkCount: 8,
  chunkIntervalMs: 0,
  models: ['mock-small', 'mock-large', 'mock-embed'],
  storedResponses: 4096,
};
const CREATED = 1_700_000_000;
const JSON_TYPE = 'application/json';
const SSE_HEADERS = { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' };
const DONE = 'data: [DONE]\n\n';

type Kind = 'chat' | 'completion' | 'embedding' | 'response';
const KINDS: Record<string, Kind> = {
  '/v1/chat/completions': 'chat',
  '/v1/completions': 'completion',
  '/v1/embeddings': 'embedding',
  '/v1/responses': 'response',
};
/** OpenAI's minimum for a Responses API max_output_tokens. */
const MIN_OUTPUT_TOKENS = 16;
/** What the service_tier a request asks for is answered as. */
const TIERS: Record<string, string> = { flex: 'flex', scale: 'scale', priority: 'priority', fast: 'priority' };
type Body = Record<string, any>;

const errorBody = (message: string, type: string, code: string | null = null, param: string | null = null) =>
  JSON.stringify({ error: { message, type, param, code } });
const BAD_JSON = errorBody(
  "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
  'invalid_request_error',
);
const NO_MODEL = errorBody('you must provide a model parameter', 'invalid_request_error');
const NO_KEY = errorBody(
  "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
  'invalid_request_error',
);
const BAD_KEY = errorBody('Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key');
const FAIL_500 = errorBody('The server had an error while processing your request. Sorry about that! (mock [[fail:500]])', 'server_error');
const FAIL_429 = errorBody('Rate limit reached (mock [[fail:429]]). Please try again later.', 'requests', 'rate_limit_exceeded');

/**
 * An OpenAI-compatible upstream on bare node:http, for the start command,
 * tests and benchmarks. Replies are deterministic, token counts are real
 * (o200k, see ./tokens for what is counted and the cached-token rule).
 *
 * Routes: POST /v1/chat/completions, /v1/completions, /v1/embeddings and
 * /v1/responses (each streamed with `stream: true`, but embeddings; the
 * Responses API takes `input` as a string or message items, `instructions`,
 * `max_output_tokens` of at least 16 as OpenAI's, `store`), GET
 * /v1/responses/{id} (the last `storedResponses` answers not sent with
 * `store: false`; else a 404 in OpenAI's error shape), GET /v1/models[/{id}].
 *
 * Shape: OpenAI's, field for field, unless the model carries a provider
 * suffix, `<model>@<provider>` (`mock-small@deepseek`: what a proxy forwards),
 * or the request an `x-mock-provider: <provider>` header (the suffix wins).
 * Providers: openai, azure, vllm, ollama, deepseek, moonshot (see ./shapes for
 * each one's fields and where its stream puts the usage). An unknown suffix
 * is an unknown model (404); an unknown header value a 400. The answer's
 * `model` echoes the request's, suffix included.
 *
 * Markers, `[[...]]` anywhere in the last message (the last input item, or
 * the prompt / input; the first of each kind wins):
 * - [[fail:500]] / [[fail:429]]: OpenAI's server error / rate-limit error.
 * - [[fail:timeout]]: the request is accepted and never answered.
 * - [[fail:cut]]: a stream stops after its opening chunks and half the content
 *   chunks (half the output_text deltas), a plain answer after its headers;
 *   then the socket is destroyed.
 * - [[no-usage]]: no usage anywhere (a Response's usage is null).
 * - [[latency:N]]: N ms before the first byte (instead of latencyMs).
 * - [[reasoning:N]]: N reasoning tokens per choice, inside the completion /
 *   output tokens (DeepSeek, Moonshot, vLLM and Ollama also return a
 *   reasoning text of exactly N tokens).
 * Every marker works on every route and in every provider shape.
 */
export async function startMockUpstream(options: Partial<MockOptions> = {}): Promise<MockUpstream> {
  const o: MockOptions = { ...DEFAULTS, ...options };
  const chunkCount = Math.max(1, Math.floor(o.chunkCount));
  const models = new Set(o.models);
  const expectedAuth = o.apiKey === undefined ? null : `Bearer ${o.apiKey}`;
  const modelObject = (id: string) => ({ id, object: 'model', created: CREATED, owned_by: 'mock' });
  const modelList = JSON.stringify({ object: 'list', data: o.models.map(modelObject) });
  const modelBodies = new Map(o.models.map((id) => [id, JSON.stringify(modelObject(id))]));
  const replies = new Memo<Reply>();
  const promptCounts = new Memo<number>();
  const promptCache = new PromptCache();
  const storeLimit = Math.max(0, Math.floor(o.storedResponses));
  /** Response id → its JSON, for GET /v1/responses/{id}. */
  const storedResponses = new Map<string, string>();
  const idBase = `mock${Date.now().toString(36)}`;
  /** 20 random hex digits; with a serial's 12, the providers' 32-hex-digit ids. */
  const hexBase = randomBytes(10).toString('hex');
  let seq = 0;
  let served = 0;
  let closed = false;
  let closing: Promise<void> | null = null;
  /** Pending delays, each with its cancel. */
  const timers = new Map<NodeJS.Timeout, () => void>();
  /** Responses held open by [[fail:timeout]]. */
  const held = new Set<ServerResponse>();

  /** Resolves true after `ms`, or false as soon as the client leaves or the mock closes. */
  function wait(ms: number, res: ServerResponse): Promise<boolean> {
    if (closed || res.destroyed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        timers.delete(timer);
        res.off('close', gone);
        resolve(ok);
      };
      const gone = () => done(false);
      const timer = setTimeout(done, ms, true);
      timers.set(timer, gone);
      res.once('close', gone);
    });
  }

  const server = createServer({ noDelay: true }, (req, res) => {
    served++;
    handle(req, res).catch(() => res.destroy());
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    if (expectedAuth !== null && req.headers.authorization !== expectedAuth) return send(res, 401, req.headers.authorization ? BAD_KEY : NO_KEY);

    if (req.method === 'GET' && path.startsWith('/v1/models')) {
      if (path === '/v1/models') return send(res, 200, modelList);
      const id = path[10] === '/' ? safeDecode(path.slice(11)) : undefined;
      const model = id === undefined ? undefined : modelBodies.get(id);
      if (model) return send(res, 200, model);
      if (id !== undefined) return send(res, 404, errorBody(`The model '${id}' does not exist`, 'invalid_request_error', 'model_not_found', 'model'));
    }
    if (req.method === 'GET' && path.startsWith('/v1/responses/') && path.length > 14) {
      const id = safeDecode(path.slice(14)) ?? path.slice(14);
      const stored = storedResponses.get(id);
      return stored ? send(res, 200, stored) : send(res, 404, errorBody(`Response with id '${id}' not found.`, 'invalid_request_error', null, null));
    }
    const kind = req.method === 'POST' ? KINDS[path] : undefined;
    if (!kind)
      return send(
        res,
        404,
        errorBody(
          `Unknown request URL: ${req.method} ${path}. Please check the URL for typos, or see the docs at https://platform.openai.com/docs/api-reference/.`,
          'invalid_request_error',
          'unknown_url',
        ),
      );

    const raw = await readBody(req);
    let body: Body;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return send(res, 400, BAD_JSON);
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) return send(res, 400, BAD_JSON);
    if (typeof body.model !== 'string' || !body.model) return send(res, 400, NO_MODEL);

    // The provider whose shape the answer takes: a `@provider` suffix on the model, else the x-mock-provider header, else openai.
    let model: string = body.model;
    const header = req.headers['x-mock-provider'];
    let provider: Provider = 'openai';
    if (typeof header === 'string' && header) {
      const name = header.trim().toLowerCase();
      if (!isProvider(name)) return invalid(res, `Unknown x-mock-provider '${header}': expected one of ${PROVIDERS.join(', ')}.`, 'x-mock-provider');
      provider = name;
    }
    const at = model.lastIndexOf('@');
    if (at > 0 && isProvider(model.slice(at + 1))) {
      provider = model.slice(at + 1) as Provider;
      model = model.slice(0, at);
    }
    if (!models.has(model)) {
      return send(
        res,
        404,
        errorBody(`The model \`${body.model}\` does not exist or you do not have access to it.`, 'invalid_request_error', 'model_not_found'),
      );
    }

    // What the markers are read from, what the replies answer, the prompt's text and its tokens.
    let markerText: string;
    let sources: string[];
    let inputs: Prompt[] = [];
    let prompt: string;
    let promptTokens: number;
    if (kind === 'chat') {
      const messages = body.messages;
      if (!Array.isArray(messages) || messages.length === 0 || !messages.every((m) => m && typeof m === 'object')) {
        return invalid(
          res,
          Array.isArray(messages) && messages.length === 0 ? "[] is too short - 'messages'" : "Missing or invalid required parameter: 'messages'.",
          'messages',
        );
      }
      markerText = messageText(messages[messages.length - 1].content);
      const lastUser = messages.findLast((m: Body) => m.role === 'user');
      sources = [lastUser ? messageText(lastUser.content) : markerText];
      prompt = promptText({ messages });
      promptTokens = count(prompt);
    } else if (kind === 'response') {
      const input = body.input;
      const items = Array.isArray(input) && input.length > 0 && input.every((m) => m && typeof m === 'object' && !Array.isArray(m)) ? (input as Body[]) : null;
      if (typeof input !== 'string' && !items) return invalid(res, "Invalid 'input': expected a string or an array of input items.", 'input');
      if (body.instructions != null && typeof body.instructions !== 'string')
        return invalid(res, "Invalid type for 'instructions': expected a string.", 'instructions');
      if (items) {
        markerText = messageText(items[items.length - 1]!.content);
        const lastUser = items.findLast((m) => m.role === 'user' || m.role === undefined);
        sources = [lastUser ? messageText(lastUser.content) : markerText];
      } else {
        markerText = input;
        sources = [input];
      }
      prompt = promptText({ instructions: body.instructions, input });
      promptTokens = count(prompt);
    } else {
      const field = kind === 'completion' ? 'prompt' : 'input';
      const prompts = promptsOf(body[field]);
      if (!prompts) return invalid(res, `Missing or invalid required parameter: '${field}'.`, field);
      inputs = prompts;
      const texts = prompts.filter((p): p is string => typeof p === 'string');
      markerText = texts.length === 1 ? texts[0]! : texts.join('\n');
      sources = prompts.map((p) => (typeof p === 'string' ? p : ''));
      prompt = promptText({ [field]: body[field] });
      promptTokens = count(prompt);
      for (const p of prompts) {
        if (typeof p === 'string') continue;
        promptTokens += p.length;
        prompt += `\n${p.join(',')}`;
      }
    }

    let n = 1;
    let maxTokens: number | undefined;
    let dimensions = 16;
    if (kind === 'embedding') {
      if (body.dimensions != null) {
        if (!Number.isInteger(body.dimensions) || body.dimensions < 1 || body.dimensions > 4096)
          return invalid(res, `Invalid 'dimensions': ${body.dimensions}.`, 'dimensions');
        dimensions = body.dimensions;
      }
    } else if (kind === 'response') {
      const max = body.max_output_tokens;
      if (max != null) {
        if (!Number.isInteger(max) || max < MIN_OUTPUT_TOKENS)
          return invalid(
            res,
            `Invalid 'max_output_tokens': integer below minimum value. Expected a value >= ${MIN_OUTPUT_TOKENS}, but got ${JSON.stringify(max)} instead.`,
            'max_output_tokens',
            'integer_below_min_value',
          );
        maxTokens = max;
      }
    } else {
      if (body.n != null) {
        if (!Number.isInteger(body.n) || body.n < 1 || body.n > 128)
          return invalid(res, `Invalid 'n': expected an integer from 1 to 128, got ${JSON.stringify(body.n)}.`, 'n');
        n = body.n;
      }
      const maxField = body.max_completion_tokens != null ? 'max_completion_tokens' : 'max_tokens';
      const max = body[maxField];
      if (max != null) {
        if (!Number.isInteger(max) || max < 1)
          return invalid(
            res,
            `Invalid '${maxField}': integer below minimum value. Expected a value >= 1, but got ${JSON.stringify(max)} instead.`,
            maxField,
            'integer_below_min_value',
          );
        maxTokens = max;
      }
    }

    const markers = markersIn(markerText);
    const latency = markers.latencyMs ?? o.latencyMs;
    if (latency > 0 && !(await wait(latency, res))) return void res.destroy();
    if (markers.fail === '500') return send(res, 500, FAIL_500);
    if (markers.fail === '429') return send(res, 429, FAIL_429);
    if (markers.fail === 'timeout') {
      // Accepted, never answered: the client gives up, or close() drops it.
      held.add(res);
      res.once('close', () => held.delete(res));
      return;
    }
    const cut = markers.fail === 'cut';

    const created = Math.floor(Date.now() / 1000);
    if (kind === 'embedding') {
      const base64 = body.encoding_format === 'base64';
      const data = inputs.map((input, index) => {
        const vector = embeddingOf(typeof input === 'string' ? input : `tokens:${input.join(',')}`, dimensions);
        return { index, embedding: base64 ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector };
      });
      const serial = seq++;
      const json = SHAPES[provider].embeddings({ hex: hexOf(serial), created, model: body.model, data, promptTokens: markers.noUsage ? null : promptTokens });
      return answer(res, json, cut);
    }

    // Reasoning tokens count against the output limit first; the visible reply gets what is left.
    const reasoning = maxTokens === undefined ? markers.reasoning : Math.min(markers.reasoning, maxTokens);
    const budget = maxTokens === undefined ? undefined : maxTokens - reasoning;
    // Source texts are cut to 1,000 characters: the reply uses only their first words.
    const answers = sources.map((source) => {
      const head = source.length > 1000 ? source.slice(0, 1000) : source;
      return replies.get(`${budget ?? ''}:${head}`, () => makeReply(head, budget, chunkCount));
    });
    const cached = promptCache.hit(prompt, promptTokens);
    const choices: Reply[] = [];
    for (const a of answers) for (let j = 0; j < n; j++) choices.push(a);
    let completionTokens = 0;
    for (const a of choices) completionTokens += a.completionTokens + reasoning;
    const usage: Usage | null = markers.noUsage ? null : { prompt: promptTokens, completion: completionTokens, cached, reasoning: reasoning * choices.length };
    const serviceTier = TIERS[body.service_tier] ?? 'default';
    const obfuscation = body.stream_options?.include_obfuscation !== false;
    const serial = seq++;
    const sequence = serial.toString(36);

    if (kind === 'response') {
      const r: ResponseAnswer = {
        id: `resp_${idBase}${sequence}`,
        messageId: `msg_${idBase}${sequence}`,
        createdAt: created,
        model: body.model,
        reply: choices[0]!,
        reasoning,
        usage,
        serviceTier,
        obfuscation,
        body,
      };
      const json = responseJson(r);
      if (body.store !== false) remember(r.id, json);
      if (body.stream === true) return stream(res, responseStream(r, chunkCount, json), cut, false);
      return answer(res, json, cut);
    }

    const completion: Completion = {
      kind,
      id: `${kind === 'chat' ? 'chatcmpl' : 'cmpl'}-${idBase}${sequence}`,
      serial,
      hex: hexOf(serial),
      created,
      model: body.model,
      choices,
      reasoning,
      usage,
      includeUsage: body.stream_options?.include_usage === true,
      obfuscation,
      serviceTier,
    };
    const shape = SHAPES[provider];
    if (body.stream === true) return stream(res, shape.stream(completion, chunkCount), cut, true);
    answer(res, shape.json(completion), cut);
  }

  function hexOf(serial: number) {
    return hexBase + serial.toString(16).padStart(12, '0');
  }

  function count(text: string) {
    return promptCounts.get(text, () => countTokens(text));
  }

  function remember(id: string, json: string) {
    if (storeLimit === 0) return;
    if (storedResponses.size >= storeLimit) storedResponses.delete(storedResponses.keys().next().value!);
    storedResponses.set(id, json);
  }

  /** A 200 JSON answer; with [[fail:cut]] only its headers go out, then the socket is destroyed. */
  function answer(res: ServerResponse, json: string, cut: boolean) {
    if (!cut) return send(res, 200, json);
    res.writeHead(200, { 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(json) });
    res.flushHeaders();
    const socket = res.socket;
    if (socket) socket.write('', () => res.destroy());
    else res.destroy();
  }

  /** Writes a stream's events chunkIntervalMs apart, then [DONE] (the Responses API has none); with [[fail:cut]], destroys the socket after `cutAfter` events. */
  async function stream(res: ServerResponse, s: Stream, cut: boolean, done: boolean) {
    const { events } = s;
    const cutAfter = cut ? s.cutAfter : -1;
    res.writeHead(200, SSE_HEADERS);
    for (let i = 0; i < events.length; i++) {
      if (i > 0 && o.chunkIntervalMs > 0 && !(await wait(o.chunkIntervalMs, res))) return void res.destroy();
      if (res.destroyed) return;
      if (i === cutAfter - 1) return void res.write(events[i], () => res.destroy());
      res.write(events[i]);
    }
    if (!done) return void res.end();
    if (o.chunkIntervalMs > 0 && !(await wait(o.chunkIntervalMs, res))) return void res.destroy();
    res.end(DONE);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as { port: number }).port;
  const host = o.host.includes(':') ? `[${o.host}]` : o.host;
  return {
    url: `http://${host}:${port}/v1`,
    port,
    get requests() {
      return served;
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        closed = true;
        for (const cancel of [...timers.values()]) cancel();
        for (const res of held) res.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function send(res: ServerResponse, status: number, json: string) {
  res.writeHead(status, { 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(json) }).end(json);
}

function invalid(res: ServerResponse, message: string, param: string, code: string | null = null) {
  send(res, 400, errorBody(message, 'invalid_request_error', code, param));
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

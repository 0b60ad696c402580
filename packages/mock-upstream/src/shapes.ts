import { Memo, reasoningText, type Reply } from './reply';

/**
 * The providers whose answer shapes the mock can take: a `@<provider>` suffix on
 * the model (`mock-small@deepseek`), or the `x-mock-provider` request header.
 * Each shape follows the provider's documented (or recorded) answers in
 * packages/proxy/test/fixtures/providers; an endpoint a provider has no shape
 * of its own for (the Responses API everywhere, legacy completions on Azure,
 * DeepSeek and Moonshot, embeddings on Azure, DeepSeek and Moonshot) answers
 * in OpenAI's.
 */
export const PROVIDERS = ['openai', 'azure', 'vllm', 'ollama', 'deepseek', 'moonshot'] as const;
export type Provider = (typeof PROVIDERS)[number];
export const isProvider = (name: string): name is Provider => (PROVIDERS as readonly string[]).includes(name);

/** The token counts of one answer; `completion` includes `reasoning`, `cached` is part of `prompt`. */
export interface Usage {
  prompt: number;
  completion: number;
  cached: number;
  reasoning: number;
}

/** One chat or legacy completion answer, before it takes a provider's shape. */
export interface Completion {
  kind: 'chat' | 'completion';
  /** OpenAI's id (chatcmpl-… / cmpl-…); `serial` and `hex` (32 hex digits, unique) for the providers' own id formats. */
  id: string;
  serial: number;
  hex: string;
  created: number;
  model: string;
  /** Every choice, in index order (n per prompt). */
  choices: Reply[];
  /** Reasoning tokens per choice (`[[reasoning:N]]`). */
  reasoning: number;
  /** null with [[no-usage]]. */
  usage: Usage | null;
  /** stream_options.include_usage. */
  includeUsage: boolean;
  /** stream_options.include_obfuscation (true unless false). */
  obfuscation: boolean;
  serviceTier: string;
}

/** An embeddings answer, before it takes a provider's shape. */
export interface Embeddings {
  hex: string;
  created: number;
  model: string;
  data: Array<{ index: number; embedding: number[] | string }>;
  /** null with [[no-usage]]. */
  promptTokens: number | null;
}

/** A stream's events, and how many of them [[fail:cut]] lets out (the opening chunks and half the content chunks). */
export interface Stream {
  events: string[];
  cutAfter: number;
}

export interface Shape {
  json(c: Completion): string;
  stream(c: Completion, chunkCount: number): Stream;
  embeddings(e: Embeddings): string;
}

export const FINGERPRINT = 'fp_6b68a8204b';
const DEEPSEEK_FINGERPRINT = 'fp_feb633d1f5_prod0820_fp8_kvcache';

const reasoningTexts = new Memo<string>(256);
/** The reasoning text of N tokens, as a JSON string literal. */
const reasoningOf = (tokens: number) => reasoningTexts.get(String(tokens), () => JSON.stringify(reasoningText(tokens)));
const str = JSON.stringify;
const half = (chunkCount: number) => Math.max(1, Math.floor(chunkCount / 2));
const total = (u: Usage) => u.prompt + u.completion;
const uuid = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;

/** What every chat-style stream is made of, whatever its shape: a first chunk, the role, reasoning, content and finish chunks (per choice), trailing chunks, then a usage chunk. */
function chatStream(
  c: Completion,
  chunkCount: number,
  parts: {
    first?: string;
    role?: (i: number) => string;
    reasoning?: (i: number, text: string) => string;
    content: (i: number, a: Reply, k: number) => string;
    finish: (i: number, a: Reply, last: boolean) => string;
    after?: (i: number, a: Reply) => string;
    usage?: () => string | null;
  },
): Stream {
  const n = c.choices.length;
  const events: string[] = [];
  if (parts.first) events.push(parts.first);
  if (parts.role) for (let i = 0; i < n; i++) events.push(parts.role(i));
  if (parts.reasoning && c.reasoning > 0) {
    const text = reasoningOf(c.reasoning);
    for (let i = 0; i < n; i++) events.push(parts.reasoning(i, text));
  }
  for (let k = 0; k < chunkCount; k++) for (let i = 0; i < n; i++) events.push(parts.content(i, c.choices[i]!, k));
  const cutAfter = events.length - (chunkCount - half(chunkCount)) * n;
  for (let i = 0; i < n; i++) events.push(parts.finish(i, c.choices[i]!, i === n - 1));
  if (parts.after) for (let i = 0; i < n; i++) events.push(parts.after(i, c.choices[i]!));
  const usage = parts.usage?.();
  if (usage) events.push(usage);
  return { events, cutAfter };
}

// ---------------------------------------------------------------- OpenAI

/** OpenAI's CompletionUsage for chat, every detail included. */
export function openaiUsage(u: Usage) {
  return {
    prompt_tokens: u.prompt,
    completion_tokens: u.completion,
    total_tokens: total(u),
    prompt_tokens_details: { cached_tokens: u.cached, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: u.reasoning, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
}
/** Legacy completions report the three counts only. */
const basicUsage = (u: Usage) => ({ prompt_tokens: u.prompt, completion_tokens: u.completion, total_tokens: total(u) });

const openaiEmbeddings = (e: Embeddings) =>
  str({
    object: 'list',
    data: e.data.map((d) => ({ object: 'embedding', embedding: d.embedding, index: d.index })),
    model: e.model,
    usage: e.promptTokens === null ? undefined : { prompt_tokens: e.promptTokens, total_tokens: e.promptTokens },
  });

const openai: Shape = {
  json(c) {
    if (c.kind === 'completion') {
      const choices = c.choices.map((a, index) => ({ text: a.content, index, logprobs: null, finish_reason: a.finish }));
      return str({
        id: c.id,
        object: 'text_completion',
        created: c.created,
        model: c.model,
        system_fingerprint: FINGERPRINT,
        choices,
        usage: c.usage ? basicUsage(c.usage) : undefined,
      });
    }
    const choices = c.choices.map((a, index) => ({
      index,
      message: { role: 'assistant', content: a.content, refusal: null, annotations: [] },
      logprobs: null,
      finish_reason: a.finish,
    }));
    return str({
      id: c.id,
      object: 'chat.completion',
      created: c.created,
      model: c.model,
      choices,
      usage: c.usage ? openaiUsage(c.usage) : undefined,
      service_tier: c.serviceTier,
      system_fingerprint: FINGERPRINT,
    });
  },
  stream(c, chunkCount) {
    // With usage asked for, every chunk carries "usage":null until the usage-only chunk.
    const withUsage = c.includeUsage && c.usage !== null;
    const usageNull = withUsage ? ',"usage":null' : '';
    if (c.kind === 'completion') {
      // The legacy chunk: its keys in the documented order, and no obfuscation.
      const head = `data: {"id":"${c.id}","object":"text_completion","created":${c.created},"choices":[`;
      const tail = `],"model":${str(c.model)},"system_fingerprint":"${FINGERPRINT}"`;
      return chatStream(c, chunkCount, {
        content: (i, a, k) => `${head}{"text":${a.pieces[k]},"index":${i},"logprobs":null,"finish_reason":null}${tail}${usageNull}}\n\n`,
        finish: (i, a) => `${head}{"text":"","index":${i},"logprobs":null,"finish_reason":"${a.finish}"}${tail}${usageNull}}\n\n`,
        usage: () => (withUsage ? `${head}${tail},"usage":${str(basicUsage(c.usage!))}}\n\n` : null),
      });
    }
    const head = `data: {"id":"${c.id}","object":"chat.completion.chunk","created":${c.created},"model":${str(c.model)},"service_tier":"${c.serviceTier}","system_fingerprint":"${FINGERPRINT}","choices":[`;
    const tail = c.obfuscation ? (padding: string) => `]${usageNull},"obfuscation":"${padding}"}\n\n` : () => `]${usageNull}}\n\n`;
    return chatStream(c, chunkCount, {
      role: (i) => `${head}{"index":${i},"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}${tail('r4N7vQ2mX8')}`,
      content: (i, a, k) => `${head}{"index":${i},"delta":{"content":${a.pieces[k]}},"logprobs":null,"finish_reason":null}${tail(a.padding[k]!)}`,
      finish: (i, a) => `${head}{"index":${i},"delta":{},"logprobs":null,"finish_reason":"${a.finish}"}${tail('p9K3xT6wQa')}`,
      // The usage-only chunk has no obfuscation.
      usage: () => (withUsage ? `${head}],"usage":${str(openaiUsage(c.usage!))}}\n\n` : null),
    });
  },
  embeddings: openaiEmbeddings,
};

// ---------------------------------------------------------------- Azure OpenAI

const safe = { filtered: false, severity: 'safe' };
const notDetected = { filtered: false, detected: false };
const CATEGORIES = { hate: safe, self_harm: safe, sexual: safe, violence: safe };
const CHOICE_FILTER = { hate: safe, protected_material_code: notDetected, protected_material_text: notDetected, self_harm: safe, sexual: safe, violence: safe };
const PROMPT_FILTER = [
  {
    prompt_index: 0,
    content_filter_results: { custom_blocklists: { filtered: false }, hate: safe, jailbreak: notDetected, self_harm: safe, sexual: safe, violence: safe },
  },
];
const STREAM_PROMPT_FILTER = str([{ prompt_index: 0, content_filter_results: CATEGORIES }]);
const STREAM_CHOICE_FILTER = str(CATEGORIES);

/** Azure's usage as its answers dump it: counts first, then the details, audio_tokens null. */
const azureUsage = (u: Usage) => ({
  completion_tokens: u.completion,
  prompt_tokens: u.prompt,
  total_tokens: total(u),
  completion_tokens_details: { audio_tokens: null, reasoning_tokens: u.reasoning },
  prompt_tokens_details: { audio_tokens: null, cached_tokens: u.cached },
});

const azure: Shape = {
  json(c) {
    if (c.kind === 'completion') return openai.json(c);
    const choices = c.choices.map((a, index) => ({
      finish_reason: a.finish,
      index,
      logprobs: null,
      message: { content: a.content, refusal: null, role: 'assistant', function_call: null, tool_calls: null },
      content_filter_results: CHOICE_FILTER,
    }));
    return str({
      id: c.id,
      choices,
      created: c.created,
      model: c.model,
      object: 'chat.completion',
      service_tier: null,
      system_fingerprint: FINGERPRINT,
      usage: c.usage ? azureUsage(c.usage) : undefined,
      prompt_filter_results: PROMPT_FILTER,
    });
  },
  /**
   * Azure's stream (asynchronous content filter): a first chunk with empty id,
   * object and model, created 0, "choices": [] and the prompt_filter_results;
   * chunks without logprobs; after the finish chunk, an annotation chunk (empty
   * id again) with each choice's content_filter_results and offsets; then the
   * usage-only chunk.
   */
  stream(c, chunkCount) {
    if (c.kind === 'completion') return openai.stream(c, chunkCount);
    const withUsage = c.includeUsage && c.usage !== null;
    const tail = withUsage ? '],"usage":null}\n\n' : ']}\n\n';
    const head = `data: {"id":"${c.id}","object":"chat.completion.chunk","created":${c.created},"model":${str(c.model)},"choices":[`;
    const blank = 'data: {"id":"","object":"","created":0,"model":"",';
    return chatStream(c, chunkCount, {
      first: `${blank}"prompt_filter_results":${STREAM_PROMPT_FILTER},"choices":[${tail}`,
      role: (i) => `${head}{"index":${i},"finish_reason":null,"delta":{"role":"assistant"}}${tail}`,
      content: (i, a, k) => `${head}{"index":${i},"finish_reason":null,"delta":{"content":${a.pieces[k]}}}${tail}`,
      finish: (i, a) => `${head}{"index":${i},"finish_reason":"${a.finish}","delta":{}}${tail}`,
      after: (i, a) =>
        `${blank}"choices":[{"index":${i},"finish_reason":null,"content_filter_results":${STREAM_CHOICE_FILTER},"content_filter_offsets":{"check_offset":${a.content.length},"start_offset":0,"end_offset":${a.content.length}}}${tail}`,
      usage: () => (withUsage ? `${head}],"usage":${str(azureUsage(c.usage!))}}\n\n` : null),
    });
  },
  embeddings: openaiEmbeddings,
};

// ---------------------------------------------------------------- vLLM

/** vLLM's UsageInfo: its own key order; prompt_tokens_details {cached_tokens} on a cache hit, else null (left out in a stream). */
const vllmUsage = (u: Usage, stream: boolean) => {
  const usage: Record<string, unknown> = { prompt_tokens: u.prompt, total_tokens: total(u), completion_tokens: u.completion };
  if (u.cached > 0) usage.prompt_tokens_details = { cached_tokens: u.cached };
  else if (!stream) usage.prompt_tokens_details = null;
  return usage;
};

const vllm: Shape = {
  json(c) {
    const usage = c.usage ? vllmUsage(c.usage, false) : undefined;
    if (c.kind === 'completion') {
      const choices = c.choices.map((a, index) => ({
        index,
        text: a.content,
        logprobs: null,
        finish_reason: a.finish,
        stop_reason: null,
        prompt_logprobs: null,
      }));
      return str({
        id: `cmpl-${c.hex}`,
        object: 'text_completion',
        created: c.created,
        model: c.model,
        choices,
        service_tier: null,
        system_fingerprint: null,
        usage,
        kv_transfer_params: null,
      });
    }
    // reasoning_content is the --reasoning-parser's output: null without reasoning.
    const reasoning = c.reasoning > 0 ? reasoningText(c.reasoning) : null;
    const choices = c.choices.map((a, index) => ({
      index,
      message: { role: 'assistant', reasoning_content: reasoning, content: a.content, tool_calls: [] },
      logprobs: null,
      finish_reason: a.finish,
      stop_reason: null,
    }));
    return str({
      id: `chatcmpl-${c.hex}`,
      object: 'chat.completion',
      created: c.created,
      model: c.model,
      choices,
      usage,
      prompt_logprobs: null,
      kv_transfer_params: null,
    });
  },
  /** vLLM's chunks have no usage key (not even null); the usage-only chunk comes with include_usage. */
  stream(c, chunkCount) {
    const chat = c.kind === 'chat';
    const head = `data: {"id":"${chat ? 'chatcmpl' : 'cmpl'}-${c.hex}","object":"${chat ? 'chat.completion.chunk' : 'text_completion'}","created":${c.created},"model":${str(c.model)},"choices":[`;
    const usage = () => (c.includeUsage && c.usage ? `${head}],"usage":${str(vllmUsage(c.usage, true))}}\n\n` : null);
    if (!chat) {
      return chatStream(c, chunkCount, {
        content: (i, a, k) => `${head}{"index":${i},"text":${a.pieces[k]},"logprobs":null,"finish_reason":null}]}\n\n`,
        finish: (i, a) => `${head}{"index":${i},"text":"","logprobs":null,"finish_reason":"${a.finish}","stop_reason":null}]}\n\n`,
        usage,
      });
    }
    return chatStream(c, chunkCount, {
      role: (i) => `${head}{"index":${i},"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}\n\n`,
      reasoning: (i, text) => `${head}{"index":${i},"delta":{"reasoning_content":${text}},"logprobs":null,"finish_reason":null}]}\n\n`,
      content: (i, a, k) => `${head}{"index":${i},"delta":{"content":${a.pieces[k]}},"logprobs":null,"finish_reason":null}]}\n\n`,
      finish: (i, a) => `${head}{"index":${i},"delta":{"content":""},"logprobs":null,"finish_reason":"${a.finish}","stop_reason":null}]}\n\n`,
      usage,
    });
  },
  embeddings: (e) =>
    str({
      id: `embd-${e.hex}`,
      object: 'list',
      created: e.created,
      model: e.model,
      data: e.data.map((d) => ({ index: d.index, object: 'embedding', embedding: d.embedding })),
      usage:
        e.promptTokens === null
          ? undefined
          : { prompt_tokens: e.promptTokens, total_tokens: e.promptTokens, completion_tokens: 0, prompt_tokens_details: null },
    }),
};

// ---------------------------------------------------------------- Ollama (/v1)

/** Ollama reports no cached tokens (a KV-cache hit is not visible in its usage). */
const ollamaUsage = basicUsage;
const OLLAMA_FP = 'fp_ollama';

const ollama: Shape = {
  json(c) {
    const usage = c.usage ? ollamaUsage(c.usage) : undefined;
    if (c.kind === 'completion') {
      const choices = c.choices.map((a, index) => ({ text: a.content, index, finish_reason: a.finish }));
      return str({
        id: `cmpl-${c.serial % 999}`,
        object: 'text_completion',
        created: c.created,
        model: c.model,
        system_fingerprint: OLLAMA_FP,
        choices,
        usage,
      });
    }
    const reasoning = c.reasoning > 0 ? reasoningText(c.reasoning) : undefined;
    const choices = c.choices.map((a, index) => ({ index, message: { role: 'assistant', content: a.content, reasoning }, finish_reason: a.finish }));
    return str({
      id: `chatcmpl-${c.serial % 999}`,
      object: 'chat.completion',
      created: c.created,
      model: c.model,
      system_fingerprint: OLLAMA_FP,
      choices,
      usage,
    });
  },
  /**
   * Ollama's chunks repeat role "assistant" in every delta and have no usage key;
   * the done chunk (empty content, finish_reason) is followed, with include_usage,
   * by a copy of it with "choices": [] and the usage. Legacy completion chunks
   * carry a zeroed usage on every chunk when include_usage is set.
   */
  stream(c, chunkCount) {
    const withUsage = c.includeUsage && c.usage !== null;
    if (c.kind === 'completion') {
      const head = `data: {"id":"cmpl-${c.serial % 999}","object":"text_completion","created":${c.created},"choices":[`;
      const tail = `],"model":${str(c.model)},"system_fingerprint":"${OLLAMA_FP}"${withUsage ? ',"usage":{"prompt_tokens":0,"completion_tokens":0,"total_tokens":0}' : ''}}\n\n`;
      return chatStream(c, chunkCount, {
        content: (i, a, k) => `${head}{"text":${a.pieces[k]},"index":${i},"finish_reason":null}${tail}`,
        finish: (i, a) => `${head}{"text":"","index":${i},"finish_reason":"${a.finish}"}${tail}`,
        usage: () => (withUsage ? `${head}],"model":${str(c.model)},"system_fingerprint":"${OLLAMA_FP}","usage":${str(ollamaUsage(c.usage!))}}\n\n` : null),
      });
    }
    const head = `data: {"id":"chatcmpl-${c.serial % 999}","object":"chat.completion.chunk","created":${c.created},"model":${str(c.model)},"system_fingerprint":"${OLLAMA_FP}","choices":[`;
    return chatStream(c, chunkCount, {
      reasoning: (i, text) => `${head}{"index":${i},"delta":{"role":"assistant","content":"","reasoning":${text}},"finish_reason":null}]}\n\n`,
      content: (i, a, k) => `${head}{"index":${i},"delta":{"role":"assistant","content":${a.pieces[k]}},"finish_reason":null}]}\n\n`,
      finish: (i, a) => `${head}{"index":${i},"delta":{"role":"assistant","content":""},"finish_reason":"${a.finish}"}]}\n\n`,
      usage: () => (withUsage ? `${head}],"usage":${str(ollamaUsage(c.usage!))}}\n\n` : null),
    });
  },
  embeddings: (e) =>
    str({
      object: 'list',
      data: e.data.map((d) => ({ object: 'embedding', embedding: d.embedding, index: d.index })),
      model: e.model,
      usage: e.promptTokens === null ? undefined : { prompt_tokens: e.promptTokens, total_tokens: e.promptTokens },
    }),
};

// ---------------------------------------------------------------- DeepSeek

/** DeepSeek's usage: OpenAI's cached_tokens detail and its own cache hit / miss split; reasoning_tokens with reasoning. */
const deepseekUsage = (u: Usage) => {
  const usage: Record<string, unknown> = {
    prompt_tokens: u.prompt,
    completion_tokens: u.completion,
    total_tokens: total(u),
    prompt_tokens_details: { cached_tokens: u.cached },
  };
  if (u.reasoning > 0) usage.completion_tokens_details = { reasoning_tokens: u.reasoning };
  usage.prompt_cache_hit_tokens = u.cached;
  usage.prompt_cache_miss_tokens = u.prompt - u.cached;
  return usage;
};

const deepseek: Shape = {
  json(c) {
    if (c.kind === 'completion') return openai.json(c);
    const reasoning = c.reasoning > 0 ? reasoningText(c.reasoning) : undefined;
    const choices = c.choices.map((a, index) => ({
      index,
      message: { role: 'assistant', content: a.content, reasoning_content: reasoning },
      logprobs: null,
      finish_reason: a.finish,
    }));
    return str({
      id: uuid(c.hex),
      object: 'chat.completion',
      created: c.created,
      model: c.model,
      choices,
      usage: c.usage ? deepseekUsage(c.usage) : undefined,
      system_fingerprint: DEEPSEEK_FINGERPRINT,
    });
  },
  /** DeepSeek puts the usage on the last chunk itself (next to its finish_reason), with or without include_usage; no usage-only chunk. */
  stream(c, chunkCount) {
    if (c.kind === 'completion') return openai.stream(c, chunkCount);
    const head = `data: {"id":"${uuid(c.hex)}","object":"chat.completion.chunk","created":${c.created},"model":${str(c.model)},"system_fingerprint":"${DEEPSEEK_FINGERPRINT}","choices":[`;
    const thinking = c.reasoning > 0;
    const usage = c.usage ? `,"usage":${str(deepseekUsage(c.usage))}` : '';
    return chatStream(c, chunkCount, {
      role: (i) =>
        `${head}{"index":${i},"delta":${thinking ? '{"role":"assistant","content":null,"reasoning_content":""}' : '{"role":"assistant","content":""}'},"logprobs":null,"finish_reason":null}]}\n\n`,
      reasoning: (i, text) => `${head}{"index":${i},"delta":{"content":null,"reasoning_content":${text}},"logprobs":null,"finish_reason":null}]}\n\n`,
      content: (i, a, k) =>
        `${head}{"index":${i},"delta":{"content":${a.pieces[k]}${thinking ? ',"reasoning_content":null' : ''}},"logprobs":null,"finish_reason":null}]}\n\n`,
      finish: (i, a, last) => `${head}{"index":${i},"delta":{"content":""},"logprobs":null,"finish_reason":"${a.finish}"}]${last ? usage : ''}}\n\n`,
    });
  },
  embeddings: openaiEmbeddings,
};

// ---------------------------------------------------------------- Moonshot (Kimi)

/** Moonshot's usage: the cache hits as a top-level cached_tokens. */
const moonshotUsage = (u: Usage) => ({ prompt_tokens: u.prompt, completion_tokens: u.completion, total_tokens: total(u), cached_tokens: u.cached });

const moonshot: Shape = {
  json(c) {
    if (c.kind === 'completion') return openai.json(c);
    const reasoning = c.reasoning > 0 ? reasoningText(c.reasoning) : undefined;
    const choices = c.choices.map((a, index) => ({
      index,
      message: { role: 'assistant', content: a.content, reasoning_content: reasoning },
      finish_reason: a.finish,
    }));
    return str({
      id: `cmpl-${c.hex}`,
      object: 'chat.completion',
      created: c.created,
      model: c.model,
      choices,
      usage: c.usage ? moonshotUsage(c.usage) : undefined,
    });
  },
  /** Moonshot puts the usage inside the last chunk's choice (choices[0].usage, next to finish_reason), with or without include_usage. */
  stream(c, chunkCount) {
    if (c.kind === 'completion') return openai.stream(c, chunkCount);
    const head = `data: {"id":"cmpl-${c.hex}","object":"chat.completion.chunk","created":${c.created},"model":${str(c.model)},"choices":[`;
    const usage = c.usage ? `,"usage":${str(moonshotUsage(c.usage))}` : '';
    return chatStream(c, chunkCount, {
      role: (i) => `${head}{"index":${i},"delta":{"role":"assistant","content":""},"finish_reason":null}]}\n\n`,
      reasoning: (i, text) => `${head}{"index":${i},"delta":{"reasoning_content":${text}},"finish_reason":null}]}\n\n`,
      content: (i, a, k) => `${head}{"index":${i},"delta":{"content":${a.pieces[k]}},"finish_reason":null}]}\n\n`,
      finish: (i, a, last) => `${head}{"index":${i},"delta":{},"finish_reason":"${a.finish}"${last ? usage : ''}}]}\n\n`,
    });
  },
  embeddings: openaiEmbeddings,
};

export const SHAPES: Record<Provider, Shape> = { openai, azure, vllm, ollama, deepseek, moonshot };

import { Memo, reasoningText, type Reply } from './reply';

/** The providers whose answer shapes the mock can take (`model@provider`, or the `x-mock-provider` header). */
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
  id: string;
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

/** A stream's events, and how many of them [[fail:cut]] lets out (the opening chunks and half the content chunks). */
export interface Stream {
  events: string[];
  cutAfter: number;
}

export interface Shape {
  json(c: Completion): string;
  stream(c: Completion, chunkCount: number): Stream;
}

export const FINGERPRINT = 'fp_6b68a8204b';

const reasoningTexts = new Memo<string>(256);
const reasoningOf = (tokens: number) => reasoningTexts.get(String(tokens), () => reasoningText(tokens));
const str = JSON.stringify;
const half = (chunkCount: number) => Math.max(1, Math.floor(chunkCount / 2));

// ---------------------------------------------------------------- OpenAI

/** OpenAI's CompletionUsage, every detail included. */
export function openaiUsage(u: Usage) {
  return {
    prompt_tokens: u.prompt,
    completion_tokens: u.completion,
    total_tokens: u.prompt + u.completion,
    prompt_tokens_details: { cached_tokens: u.cached, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: u.reasoning, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
}

const openai: Shape = {
  json(c) {
    const usage = c.usage ? openaiUsage(c.usage) : undefined;
    if (c.kind === 'completion') {
      const choices = c.choices.map((a, index) => ({ text: a.content, index, logprobs: null, finish_reason: a.finish }));
      return str({ id: c.id, object: 'text_completion', created: c.created, model: c.model, system_fingerprint: FINGERPRINT, choices, usage });
    }
    const choices = c.choices.map((a, index) => ({ index, message: { role: 'assistant', content: a.content, refusal: null, annotations: [] }, logprobs: null, finish_reason: a.finish }));
    return str({ id: c.id, object: 'chat.completion', created: c.created, model: c.model, choices, usage, service_tier: c.serviceTier, system_fingerprint: FINGERPRINT });
  },
  stream(c, chunkCount) {
    const chat = c.kind === 'chat';
    const head = chat
      ? `data: {"id":"${c.id}","object":"chat.completion.chunk","created":${c.created},"model":${str(c.model)},"service_tier":"${c.serviceTier}","system_fingerprint":"${FINGERPRINT}","choices":[`
      : `data: {"id":"${c.id}","object":"text_completion","created":${c.created},"model":${str(c.model)},"system_fingerprint":"${FINGERPRINT}","choices":[`;
    // With usage asked for, every chunk carries "usage":null until the usage chunk.
    const usageNull = c.includeUsage && c.usage ? ',"usage":null' : '';
    // The legacy completion chunk has no obfuscation field.
    const pad = chat && c.obfuscation;
    const tail = (padding: string) => (pad ? `]${usageNull},"obfuscation":"${padding}"}\n\n` : `]${usageNull}}\n\n`);
    const n = c.choices.length;
    const events: string[] = [];
    if (chat) for (let i = 0; i < n; i++) events.push(`${head}{"index":${i},"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}${tail('r4N7vQ2mX8')}`);
    for (let k = 0; k < chunkCount; k++) {
      for (let i = 0; i < n; i++) {
        const a = c.choices[i]!;
        events.push(chat
          ? `${head}{"index":${i},"delta":{"content":${a.pieces[k]}},"logprobs":null,"finish_reason":null}${tail(a.padding[k]!)}`
          : `${head}{"text":${a.pieces[k]},"index":${i},"logprobs":null,"finish_reason":null}${tail('')}`);
      }
    }
    const cutAfter = (chat ? n : 0) + half(chunkCount) * n;
    for (let i = 0; i < n; i++) {
      const finish = c.choices[i]!.finish;
      events.push(chat ? `${head}{"index":${i},"delta":{},"logprobs":null,"finish_reason":"${finish}"}${tail('p9K3xT6wQa')}` : `${head}{"text":"","index":${i},"logprobs":null,"finish_reason":"${finish}"}${tail('')}`);
    }
    if (c.includeUsage && c.usage) events.push(`${head}],"usage":${str(openaiUsage(c.usage))}${pad ? ',"obfuscation":"Lw7TfB"' : ''}}\n\n`);
    return { events, cutAfter };
  },
};

export const SHAPES: Record<Provider, Shape> = {
  openai,
  azure: openai,
  vllm: openai,
  ollama: openai,
  deepseek: openai,
  moonshot: openai,
};

export { reasoningOf };

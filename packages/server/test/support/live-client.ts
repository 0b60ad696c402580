import { createClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { Client } from './harness';

export interface LiveMessage<T = Record<string, any>> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** One subscription's messages as they arrive, and how it ended (complete, or the error graphql-ws sent). */
export interface LiveSubscription<T> {
  messages: Array<LiveMessage<T>>;
  /** How it ended: `errors` from an error message, or from a result that carried them (a refused subscribe) before complete. */
  ended: Promise<{ errors?: LiveMessage['errors']; closed?: unknown }>;
  /** Waits for a message that satisfies `match` (seen before or after the call). */
  next(match?: (m: LiveMessage<T>) => boolean, timeoutMs?: number): Promise<LiveMessage<T>>;
  unsubscribe(): void;
}

/**
 * A graphql-ws connection as the SPA opens one (the session cookie with the
 * server's own Origin) or a BI tool does (a Bearer token in connectionParams).
 */
export function liveClient(serverUrl: string, as: Client | { bearer: string }, origin = serverUrl): WsClient {
  const bearer = 'bearer' in as && as.bearer ? as.bearer : undefined;
  const cookie = 'cookie' in as ? as.cookie : undefined;
  const headers: Record<string, string> = bearer ? {} : { origin, ...(cookie ? { cookie } : {}) };
  return createClient({
    url: `${serverUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: class extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers });
      }
    },
    connectionParams: bearer ? { authorization: `Bearer ${bearer}` } : undefined,
    retryAttempts: 0,
    lazy: true,
  });
}

export function subscribe<T = Record<string, any>>(client: WsClient, query: string, variables: Record<string, unknown> = {}): LiveSubscription<T> {
  const messages: Array<LiveMessage<T>> = [];
  const waiters = new Set<() => void>();
  let finish!: (outcome: { errors?: LiveMessage['errors']; closed?: unknown }) => void;
  const ended = new Promise<{ errors?: LiveMessage['errors']; closed?: unknown }>((resolve) => (finish = resolve));
  const wake = () => waiters.forEach((w) => w());
  const unsubscribe = client.subscribe<T>(
    { query, variables },
    {
      next: (m) => (messages.push(m as LiveMessage<T>), wake()),
      error: (error) => (finish(Array.isArray(error) ? { errors: error as LiveMessage['errors'] } : { closed: error }), wake()),
      complete: () => (finish({ errors: messages.at(-1)?.errors }), wake()),
    },
  );
  let done = false;
  void ended.then(() => (done = true));
  return {
    messages,
    ended,
    unsubscribe,
    async next(match = () => true, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.find(match);
        if (found) return found;
        if (done) throw new Error(`subscription ended without such a message: ${JSON.stringify(messages)}`);
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no such message in ${timeoutMs} ms: ${JSON.stringify(messages)}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          const w = () => (clearTimeout(timer), waiters.delete(w), resolve());
          waiters.add(w);
        });
      }
    },
  };
}

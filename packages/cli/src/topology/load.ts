import type { TenantKey } from './tenant';

/** What the client saw of one call. */
export interface Outcome {
  proxy: number;
  key: string;
  startedAt: number;
  /** Null: no answer (the proxy was killed with the call in flight, or was down). */
  status: number | null;
  requestId: string | null;
  /** The error's `code` of a refused call (`key_per_minute_request_limit`, …). */
  code: string | null;
}

const bodyOf = (content: string) => JSON.stringify({ model: 'mock-small', messages: [{ role: 'user', content }], max_tokens: 16 });
export const CALL_BODY = bodyOf('count me once');
/** A call the mock upstream answers after 5 s: still in flight when its proxy is killed. */
export const SLOW_CALL_BODY = bodyOf('[[latency:5000]] in flight at the kill');

/** One chat completion through `proxyUrl`, as an SDK sends it; never throws. */
export async function call(proxyUrl: string, key: TenantKey, proxy: number, request = CALL_BODY): Promise<Outcome> {
  const startedAt = Date.now();
  try {
    const res = await fetch(`${proxyUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key.secret}`, 'content-type': 'application/json' },
      body: request,
    });
    const body = (await res.json()) as { choices?: unknown; error?: { code?: string } };
    // A 2xx counts as answered only with its whole body: a cut answer is a call without one.
    if (res.ok && !body.choices) throw new Error('an answer without choices');
    return { proxy, key: key.name, startedAt, status: res.status, requestId: res.headers.get('x-request-id'), code: body.error?.code ?? null };
  } catch {
    return { proxy, key: key.name, startedAt, status: null, requestId: null, code: null };
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Paced load: `loopsPerProxy` loops a proxy, each calling in turn with every key, together about
 * `rate` calls a second. `proxyUrls` is read at each call, so a restarted proxy is picked up.
 */
export function startLoad(options: { proxyUrls: () => string[]; keys: TenantKey[]; rate: number; loopsPerProxy: number }) {
  const outcomes: Outcome[] = [];
  let stopping = false;
  const proxies = options.proxyUrls().length;
  const intervalMs = (1000 * proxies * options.loopsPerProxy) / options.rate;
  const loop = async (proxy: number, offset: number) => {
    for (let n = offset; !stopping; n++) {
      const started = Date.now();
      const outcome = await call(options.proxyUrls()[proxy]!, options.keys[n % options.keys.length]!, proxy);
      outcomes.push(outcome);
      // A proxy that is down refuses connections at once: wait rather than spin.
      await sleep(Math.max(outcome.status === null ? 200 : 0, intervalMs - (Date.now() - started)));
    }
  };
  const loops = Array.from({ length: proxies }, (_, proxy) => Array.from({ length: options.loopsPerProxy }, (_, i) => loop(proxy, i + proxy))).flat();
  return {
    outcomes,
    async stop(): Promise<Outcome[]> {
      stopping = true;
      await Promise.all(loops);
      return outcomes;
    },
  };
}

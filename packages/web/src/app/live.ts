import { createClient, type Client as SocketClient } from 'graphql-ws';
import { useSyncExternalStore } from 'react';

/**
 * The one GraphQL-over-WebSocket connection of the SPA (graphql-transport-ws
 * on /graphql, same origin: the browser sends the session cookie and its
 * Origin, which the server checks like the HTTP edge's). Lazy: it opens with
 * the first subscription and closes a little after the last one ends, so
 * moving between live pages keeps it. It never gives up: every drop is
 * retried, subscriptions included (each starts again with its current-state
 * message, so nothing missed while away stays wrong).
 */
export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

let status: LiveStatus = 'connecting';
const listeners = new Set<() => void>();
function setStatus(next: LiveStatus) {
  if (next === status) return;
  status = next;
  for (const listener of listeners) listener();
}

/** 1 s, 2 s, 4 s… up to 15 s between attempts, with up to 1 s of jitter so a restarted server is not met by every tab at once. */
const retryWait = (retries: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.min(15_000, 1_000 * 2 ** retries) + Math.random() * 1_000));

/** A ping every 10 s; no pong within 5 s and the socket is closed (and retried): a dropped network sends no close frame. */
const PING_MS = 10_000;
const PONG_TIMEOUT_MS = 5_000;
/** Graphql-ws closes a lazy socket with this code when its last subscription ends: not a drop. */
const NORMAL_CLOSURE = 1000;

let socket: WebSocket | null = null;
let pongTimer: ReturnType<typeof setTimeout> | undefined;

export const socketClient: SocketClient = createClient({
  url: () => `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`,
  lazy: true,
  lazyCloseTimeout: 3_000,
  retryAttempts: Infinity,
  shouldRetry: () => true,
  retryWait,
  keepAlive: PING_MS,
  on: {
    connecting: (isRetry) => setStatus(isRetry ? 'reconnecting' : 'connecting'),
    connected: (s) => {
      socket = s as WebSocket;
      setStatus('live');
    },
    ping: (received) => {
      if (received) return;
      clearTimeout(pongTimer);
      const sent = socket;
      pongTimer = setTimeout(() => {
        if (sent && sent.readyState === WebSocket.OPEN) sent.close(4408, 'Pong timeout');
      }, PONG_TIMEOUT_MS);
    },
    pong: (received) => {
      if (received) clearTimeout(pongTimer);
    },
    closed: (event) => {
      clearTimeout(pongTimer);
      socket = null;
      const code = (event as { code?: number } | undefined)?.code;
      // A lazy close leaves nothing open: the next subscription connects afresh. Anything else is retried.
      setStatus(code === NORMAL_CLOSURE ? 'connecting' : 'reconnecting');
    },
  },
});

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** The live connection's state, for the pages that subscribe: connecting, live or reconnecting. */
export const useLiveStatus = (): LiveStatus => useSyncExternalStore(subscribe, () => status);

import type { EventEmitter } from 'node:events';
import { errors as undiciErrors, type Dispatcher } from 'undici';
import type { ModelRoute } from '../catalog';

export type UpstreamAnswer = Dispatcher.ResponseData;

/** Sends a call's body to its model's upstream; `abort` (an EventEmitter: far cheaper per call than an AbortController) cancels it. */
export function sendUpstream(route: ModelRoute, path: string, payload: Buffer, abort: EventEmitter): Promise<UpstreamAnswer> {
  const { upstream } = route;
  return upstream.pool.request({
    path: upstream.basePath + path,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(upstream.authorization ? { authorization: upstream.authorization } : {}) },
    body: payload,
    signal: abort,
  });
}

/** Whether an upstream failure was a timeout (504) rather than a refusal or a broken connection (502). */
export const isTimeout = (err: unknown): boolean =>
  err instanceof undiciErrors.ConnectTimeoutError || err instanceof undiciErrors.HeadersTimeoutError || err instanceof undiciErrors.BodyTimeoutError;

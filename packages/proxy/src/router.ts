import { ErrorCode } from '@tollgate/domain';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { CallPipeline } from './call/pipeline';
import { ENDPOINTS } from './call/request';
import { isTimeout } from './call/upstream';
import { sendError } from './errors';
import type { KeyCache, KeyContext } from './keys';
import type { ResponseDirectory } from './responses';
import type { UsageRecorder } from './usage/recorder';

/** `GET /v1/responses/{id}` and its sub-resources (input_items): passed through, unmetered. */
const STORED_RESPONSE = /^\/v1\/responses\/(resp_[A-Za-z0-9_-]{1,96})(\/input_items)?$/;

/**
 * The proxy's routes: health and readiness, then, for a key that may call,
 * the models it may use, stored Responses API answers, and the metered
 * endpoints (the call pipeline).
 */
export class ProxyRouter {
  draining = false;

  constructor(
    private readonly keys: KeyCache,
    private readonly recorder: UsageRecorder,
    private readonly calls: CallPipeline,
    private readonly responses: ResponseDirectory,
    private readonly logger: Logger,
  ) {}

  handle = (req: IncomingMessage, res: ServerResponse): void => {
    this.route(req, res).catch((err) => {
      this.logger.error({ err }, 'proxy failure');
      if (!res.headersSent) sendError(res, ErrorCode.UPSTREAM_UNAVAILABLE);
      else res.destroy();
    });
  };

  private async route(req: IncomingMessage, res: ServerResponse) {
    const path = req.url?.split('?')[0] ?? '';
    if (req.method === 'GET' && path === '/health') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    if (req.method === 'GET' && path === '/ready') return this.ready(res);
    const metered = req.method === 'POST' ? ENDPOINTS[path] : undefined;
    const stored = req.method === 'GET' ? STORED_RESPONSE.exec(path) : null;
    if (!metered && !stored && !(req.method === 'GET' && path === '/v1/models'))
      return void sendError(res, ErrorCode.UNKNOWN_ROUTE, { message: `Unknown request URL: ${req.method} ${path}.` });
    if (this.draining) {
      res.setHeader('connection', 'close');
      return void sendError(res, ErrorCode.SHUTTING_DOWN);
    }
    const secret = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!secret) return void sendError(res, ErrorCode.MISSING_API_KEY);
    const key = await this.keys.authenticate(secret);
    if (!key) return void sendError(res, ErrorCode.INVALID_API_KEY);
    if (stored) return this.storedResponse(req, res, key, stored[1]!, stored[2] ?? '');
    if (!metered) return this.listModels(res, key);
    if (this.recorder.full) return void sendError(res, ErrorCode.USAGE_RECORDING_UNAVAILABLE);
    // While draining, a finished call also closes its connection so clients move to another instance.
    if (this.draining) res.setHeader('connection', 'close');
    return this.calls.run(req, res, key, metered.endpoint, metered.upstreamPath);
  }

  private ready(res: ServerResponse) {
    const ready = !this.draining && !this.recorder.full;
    res
      .writeHead(ready ? 200 : 503, { 'content-type': 'application/json' })
      .end(JSON.stringify({ status: ready ? 'ready' : 'unavailable', pendingUsageEvents: this.recorder.pending }));
  }

  private listModels(res: ServerResponse, key: KeyContext) {
    const data = [...key.models.keys()].sort().map((id) => ({ id, object: 'model', created: 0, owned_by: 'tollgate' }));
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data }));
  }

  /** A stored Responses API answer, fetched from the upstream that made it: only for the organization it was made for. */
  private async storedResponse(req: IncomingMessage, res: ServerResponse, key: KeyContext, id: string, rest: string) {
    const model = await this.responses.modelOf(id, key.organizationId);
    const route = model === null ? undefined : key.models.get(model);
    if (!route) return void sendError(res, ErrorCode.RESPONSE_NOT_FOUND, { message: `No response found with id '${id}'.` });
    const query = req.url?.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
    try {
      const upstream = await route.upstream.pool.request({
        path: `${route.upstream.basePath}/responses/${id}${rest}${query}`,
        method: 'GET',
        headers: route.upstream.authorization ? { authorization: route.upstream.authorization } : {},
      });
      if (upstream.statusCode >= 500) {
        await upstream.body.dump().catch(() => undefined);
        return void sendError(res, ErrorCode.UPSTREAM_UNAVAILABLE);
      }
      const answer = Buffer.from(await upstream.body.arrayBuffer());
      res
        .writeHead(upstream.statusCode, { 'content-type': String(upstream.headers['content-type'] ?? 'application/json'), 'content-length': answer.length })
        .end(answer);
    } catch (err) {
      sendError(res, isTimeout(err) ? ErrorCode.UPSTREAM_TIMEOUT : ErrorCode.UPSTREAM_UNAVAILABLE);
    }
  }
}

import { ErrorCode } from '@tollgate/domain';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { CallPipeline } from './call/pipeline';
import { ENDPOINTS } from './call/request';
import { isTimeout } from './call/upstream';
import { openAiError, sendError, type ErrorDetails } from './errors';
import type { KeyCache, KeyContext } from './keys';
import type { ProxyMetrics, RouteSeries } from './metrics';
import type { ResponseDirectory } from './responses';
import type { UsageRecorder } from './usage/recorder';

/** `GET /v1/responses/{id}` and its sub-resources (input_items): passed through, unmetered. */
const STORED_RESPONSE = /^\/v1\/responses\/(resp_[A-Za-z0-9_-]{1,96})(\/input_items)?$/;

/**
 * The proxy's routes: health, readiness and metrics, then, for a key that
 * may call, the models it may use, stored Responses API answers, and the
 * metered endpoints (the call pipeline, which counts its own calls; the
 * answers given here are counted here).
 */
export class ProxyRouter {
  draining = false;

  constructor(
    private readonly keys: KeyCache,
    private readonly recorder: UsageRecorder,
    private readonly calls: CallPipeline,
    private readonly responses: ResponseDirectory,
    private readonly logger: Logger,
    private readonly metrics: ProxyMetrics,
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
    if (req.method === 'GET' && path === '/metrics') return this.scrape(req, res);
    const metered = req.method === 'POST' ? ENDPOINTS[path] : undefined;
    const stored = req.method === 'GET' ? STORED_RESPONSE.exec(path) : null;
    const models = req.method === 'GET' && path === '/v1/models';
    const route = this.metrics.route(metered ? path : stored ? '/v1/responses/{id}' : models ? path : 'other');
    if (!metered && !stored && !models)
      return this.refuse(res, route, null, ErrorCode.UNKNOWN_ROUTE, { message: `Unknown request URL: ${req.method} ${path}.` });
    if (this.draining) {
      res.setHeader('connection', 'close');
      return this.refuse(res, route, null, ErrorCode.SHUTTING_DOWN);
    }
    const secret = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!secret) return this.refuse(res, route, null, ErrorCode.MISSING_API_KEY);
    let key: KeyContext | null;
    try {
      key = await this.keys.authenticate(secret);
    } catch (err) {
      this.metrics.database('key_lookup');
      throw err;
    }
    if (!key) return this.refuse(res, route, null, ErrorCode.INVALID_API_KEY);
    if (stored) return this.storedResponse(req, res, route, key, stored[1]!, stored[2] ?? '');
    if (!metered) return this.listModels(res, route, key);
    if (this.recorder.full) return this.refuse(res, route, key, ErrorCode.USAGE_RECORDING_UNAVAILABLE);
    // While draining, a finished call also closes its connection so clients move to another instance.
    if (this.draining) res.setHeader('connection', 'close');
    return this.calls.run(req, res, key, metered.endpoint, metered.upstreamPath);
  }

  /** Answers a refusal and counts it (the pipeline counts its own). */
  private refuse(res: ServerResponse, route: RouteSeries, key: KeyContext | null, code: ErrorCode, details?: ErrorDetails) {
    const status = sendError(res, code, details);
    this.metrics.answered(route, status, details?.code ?? openAiError(code).code, key);
  }

  private async scrape(req: IncomingMessage, res: ServerResponse) {
    if (!this.metrics.authorized(req.headers.authorization))
      return void res.writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' }).end('A metrics token is required.\n');
    const body = await this.metrics.scrape();
    res.writeHead(200, { 'content-type': this.metrics.contentType }).end(body);
  }

  private ready(res: ServerResponse) {
    const ready = !this.draining && !this.recorder.full;
    res
      .writeHead(ready ? 200 : 503, { 'content-type': 'application/json' })
      .end(JSON.stringify({ status: ready ? 'ready' : 'unavailable', pendingUsageEvents: this.recorder.pending }));
  }

  private listModels(res: ServerResponse, route: RouteSeries, key: KeyContext) {
    const data = [...key.models.keys()].sort().map((id) => ({ id, object: 'model', created: 0, owned_by: 'tollgate' }));
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data }));
    this.metrics.answered(route, 200, null, key);
  }

  /** A stored Responses API answer, fetched from the upstream that made it: only for the organization it was made for. */
  private async storedResponse(req: IncomingMessage, res: ServerResponse, series: RouteSeries, key: KeyContext, id: string, rest: string) {
    let model: string | null;
    try {
      model = await this.responses.modelOf(id, key.organizationId);
    } catch (err) {
      this.metrics.database('response_lookup');
      throw err;
    }
    const route = model === null ? undefined : key.models.get(model);
    if (!route) return this.refuse(res, series, key, ErrorCode.RESPONSE_NOT_FOUND, { message: `No response found with id '${id}'.` });
    const query = req.url?.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
    try {
      const upstream = await route.upstream.pool.request({
        path: `${route.upstream.basePath}/responses/${id}${rest}${query}`,
        method: 'GET',
        headers: route.upstream.authorization ? { authorization: route.upstream.authorization } : {},
      });
      if (upstream.statusCode >= 500) {
        await upstream.body.dump().catch(() => undefined);
        return this.refuse(res, series, key, ErrorCode.UPSTREAM_UNAVAILABLE);
      }
      const answer = Buffer.from(await upstream.body.arrayBuffer());
      res
        .writeHead(upstream.statusCode, { 'content-type': String(upstream.headers['content-type'] ?? 'application/json'), 'content-length': answer.length })
        .end(answer);
      this.metrics.answered(series, upstream.statusCode, null, key);
    } catch (err) {
      this.refuse(res, series, key, isTimeout(err) ? ErrorCode.UPSTREAM_TIMEOUT : ErrorCode.UPSTREAM_UNAVAILABLE);
    }
  }
}

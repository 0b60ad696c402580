import { chargeFor, contentToStore, costMicros, ErrorCode, NO_USAGE, type TokenUsage } from '@tollgate/domain';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { BodyTooLarge, readBody } from '../body';
import type { ProxyConfig } from '../config';
import { openAiError, sendError, type ErrorDetails } from '../errors';
import type { KeyContext } from '../keys';
import type { Limiter } from '../limits/limiter';
import type { ProxyMetrics } from '../metrics';
import type { ResponseDirectory } from '../responses';
import { answerUsage } from '../usage/answer-usage';
import type { Settlement, UsageSink } from '../usage/sink';
import { generatedText, parseAnswer, responseIdOf } from './answer';
import { meteredUsage, newCall, type Call } from './call';
import { boundError, mustAskForUsage, reservationFor, upstreamPayload, type Endpoint } from './request';
import { SseRelay } from './stream-relay';
import { isTimeout, sendUpstream, type UpstreamCall, type UpstreamHead } from './upstream';

type Body = Record<string, unknown>;

/** Why a call is refused (answered in OpenAI's error shape, see errors.ts); `code`, a limit's, is answered and logged instead of the error's own. */
interface Refusal extends ErrorDetails {
  error: ErrorCode;
}

/** A step either goes on with a value or refuses the call. */
type Step<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };
const ok = <T>(value: T): Step<T> => ({ ok: true, value });
const refused = (refusal: Refusal): Step<never> => ({ ok: false, refusal });

const DONE = Buffer.from('data: [DONE]');

/**
 * Writes to the client, holding this turn's writes to send them together (the events undici
 * parsed from one read of the upstream leave in one write); answers write()'s backpressure.
 */
function writeInTurn(res: ServerResponse, bytes: Buffer): boolean {
  if (!res.writableCorked) {
    res.cork();
    process.nextTick(uncork, res);
  }
  return res.write(bytes);
}
const uncork = (res: ServerResponse) => res.uncork();

/**
 * One metered call, top to bottom: read and parse the body, resolve the
 * model, check its bounds, admit it against every limit and the wallet,
 * forward the bytes, relay the answer as it comes, settle the reservation to
 * what was used, record the usage event, end the response. Bodies are parsed
 * once and re-serialised only when the upstream needs another model name or a
 * usage request.
 */
export class CallPipeline {
  constructor(
    private readonly config: ProxyConfig,
    private readonly recorder: UsageSink,
    private readonly limiter: Limiter,
    private readonly responses: ResponseDirectory,
    private readonly logger: Logger,
    private readonly metrics: ProxyMetrics,
  ) {}

  async run(req: IncomingMessage, res: ServerResponse, key: KeyContext, endpoint: Endpoint, upstreamPath: string): Promise<void> {
    const call = newCall(key, endpoint);
    const request = await this.readRequest(req, call);
    if (!request.ok) return this.refuse(call, res, request.refusal);
    const { raw, body } = request.value;
    const admitted = await this.admit(call, res, body);
    if (!admitted.ok) return this.refuse(call, res, admitted.refusal);

    // Ask for usage when the client did not, and strip it again on the way back.
    const askForUsage = mustAskForUsage(body, endpoint);
    const route = call.route!;
    const payload = upstreamPayload(raw, body, route.upstreamModel, askForUsage);
    call.forwarded = true;
    call.forwardedAt = performance.now();
    const upstream = sendUpstream(route, upstreamPath, payload);
    // The client hanging up aborts the upstream call.
    let aborted = false;
    res.once('close', () => {
      if (res.writableFinished) return;
      aborted = true;
      upstream.abort();
    });
    let head: UpstreamHead;
    try {
      head = await upstream.head;
    } catch (err) {
      if (aborted) return this.clientGone(call, body, '');
      return this.refuse(call, res, { error: isTimeout(err) ? ErrorCode.UPSTREAM_TIMEOUT : ErrorCode.UPSTREAM_UNAVAILABLE });
    }
    call.upstreamLatencyMs = Math.round(performance.now() - call.started);
    if (head.statusCode >= 500) {
      await upstream.discard().catch(() => undefined);
      return this.refuse(call, res, { error: ErrorCode.UPSTREAM_UNAVAILABLE });
    }
    if (head.statusCode >= 400 || !call.stream) return this.relayWhole(call, body, head, upstream, res);
    return this.relayStream(call, body, head, upstream, res, askForUsage);
  }

  /** The body, parsed once; the model it names (one the key may call), and its bounds checked. */
  private async readRequest(req: IncomingMessage, call: Call): Promise<Step<{ raw: Buffer; body: Body }>> {
    let raw: Buffer;
    try {
      raw = await readBody(req, this.config.maxBodyBytes);
    } catch (err) {
      if (err instanceof BodyTooLarge)
        return refused({ error: ErrorCode.REQUEST_TOO_LARGE, message: `The request body is larger than ${this.config.maxBodyBytes} bytes.` });
      throw err;
    }
    let body: Body;
    try {
      body = JSON.parse(raw.toString('utf8')) as Body;
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Error('not an object');
    } catch {
      return refused({ error: ErrorCode.MALFORMED_REQUEST });
    }
    if (typeof body.model !== 'string' || !body.model) return refused({ error: ErrorCode.MISSING_MODEL, param: 'model' });
    call.model = body.model.slice(0, 100);
    const route = call.key.models.get(body.model);
    if (!route)
      return refused({
        error: ErrorCode.MODEL_NOT_FOUND,
        param: 'model',
        message: `The model \`${call.model}\` does not exist or you do not have access to it.`,
      });
    call.route = route;
    call.stream = body.stream === true;
    const bound = boundError(body, call.endpoint, route);
    if (bound) return refused({ error: ErrorCode.VALIDATION, param: bound.param, message: bound.message });
    return ok({ raw, body });
  }

  /** Reserves the call's most against every limit and the wallet at once; the rate-limit headers go on the response either way. */
  private async admit(call: Call, res: ServerResponse, body: Body): Promise<Step<void>> {
    const { key } = call;
    if (key.wallet === 'inactive')
      return refused({
        error: ErrorCode.QUOTA_EXCEEDED,
        code: 'wallet_inactive',
        message: "The organization's wallet is inactive: calls cannot be charged to it.",
      });
    if (!key.rules.length && key.wallet !== 'active') return ok(undefined);
    const countsTokens = key.wallet === 'active' || key.rules.some((rule) => rule.metric !== 'requests');
    const amounts = await reservationFor(body, call.endpoint, call.route!, this.config.maxOutputCeiling, countsTokens);
    const admission = await this.limiter.admit({
      organizationId: key.organizationId,
      rules: key.rules,
      amounts,
      nowMs: Date.now(),
      wallet: key.wallet === 'active',
    });
    if (admission.kind === 'unavailable') return refused({ error: ErrorCode.LIMITS_UNAVAILABLE });
    for (const name in admission.headers) call.headers.push(name, admission.headers[name]!);
    if (admission.kind === 'refused') {
      if (admission.retryAfterSeconds !== null) call.headers.push('retry-after', String(admission.retryAfterSeconds));
      const rateLimited = admission.by.kind === 'limit' && admission.by.rateLimited;
      return refused({ error: rateLimited ? ErrorCode.TOO_MANY_REQUESTS : ErrorCode.QUOTA_EXCEEDED, message: admission.message, code: admission.code });
    }
    call.hold = admission.hold;
    return ok(undefined);
  }

  /** A whole JSON answer (or the upstream's 4xx), forwarded byte for byte; only its usage member is read, unless more is needed. */
  private async relayWhole(call: Call, body: Body, head: UpstreamHead, upstream: UpstreamCall, res: ServerResponse) {
    let answer: Buffer;
    try {
      answer = await upstream.readAll();
    } catch (err) {
      call.upstreamEndedAt = performance.now();
      if (res.destroyed) return this.clientGone(call, body, '');
      return this.refuse(call, res, { error: isTimeout(err) ? ErrorCode.UPSTREAM_TIMEOUT : ErrorCode.UPSTREAM_UNAVAILABLE });
    }
    call.upstreamEndedAt = performance.now();
    call.status = head.statusCode;
    call.headers.push('content-type', String(head.headers['content-type'] ?? 'application/json'), 'content-length', String(answer.length));
    res.writeHead(head.statusCode, call.headers);
    let text: string | null = null;
    if (head.statusCode < 400) {
      const usage = answerUsage(answer);
      // The whole answer is parsed only to count its text (no usage reported) or to keep it.
      if (!usage || call.key.auditContentPolicy !== 'NONE') {
        const parsed = parseAnswer(answer);
        text = parsed ? generatedText(parsed) : '';
      }
      call.usage = await meteredUsage(body, text ?? '', usage);
      if (call.endpoint === 'responses') call.responseId = responseIdOf(answer);
    } else {
      call.errorCode = `upstream_${head.statusCode}`;
    }
    call.content = contentToStore(call.key.auditContentPolicy, body, text);
    await this.finish(call, res, answer);
  }

  /** Server-sent events relayed as they arrive; a client that reads slower than the upstream writes pauses the upstream. */
  private async relayStream(call: Call, body: Body, head: UpstreamHead, upstream: UpstreamCall, res: ServerResponse, askedForUsage: boolean) {
    const relay = new SseRelay(askedForUsage);
    call.status = head.statusCode;
    call.headers.push('content-type', 'text/event-stream', 'cache-control', 'no-cache');
    res.writeHead(head.statusCode, call.headers);
    res.flushHeaders();
    // The closing event waits for the record, so in strict mode a stream ends only once its event is committed.
    const closing: Buffer[] = [];
    try {
      await upstream.relay((chunk) => {
        const out = relay.push(chunk);
        if (!out) return true;
        if (out.includes(DONE) || closing.length) {
          closing.push(out);
          return true;
        }
        if (writeInTurn(res, out)) return true;
        res.once('drain', () => upstream.resume());
        return false;
      });
    } catch (err) {
      call.upstreamEndedAt = performance.now();
      call.firstEventAt = relay.firstEventAt;
      if (res.destroyed) return this.clientGone(call, body, relay.text(), relay.reported);
      // The upstream broke off mid-stream: the client's stream is cut too, and charged for what it got.
      call.status = 502;
      call.errorCode = openAiError(isTimeout(err) ? ErrorCode.UPSTREAM_TIMEOUT : ErrorCode.UPSTREAM_UNAVAILABLE).code;
      call.usage = await meteredUsage(body, relay.text(), relay.reported);
      await this.settleAndRecord(call);
      return void res.destroy();
    }
    call.upstreamEndedAt = performance.now();
    call.firstEventAt = relay.firstEventAt;
    const rest = relay.finish();
    // The generated text is decoded only when it must be counted or kept.
    const text = !relay.reported || call.key.auditContentPolicy !== 'NONE' ? relay.text() : '';
    call.usage = await meteredUsage(body, text, relay.reported);
    call.responseId = relay.responseId;
    call.content = contentToStore(call.key.auditContentPolicy, body, text);
    if (rest) closing.push(rest);
    await this.finish(call, res, closing.length > 1 ? Buffer.concat(closing) : closing[0]);
  }

  /** The client went away: the upstream call is aborted, and what was produced is charged. */
  private async clientGone(call: Call, body: Body, text: string, reported: TokenUsage | null = null) {
    call.status = 499;
    call.errorCode = 'client_closed_request';
    call.usage = await meteredUsage(body, text, reported);
    return this.settleAndRecord(call);
  }

  /** Records a refusal, then answers it (in strict mode once the record is committed). */
  private async refuse(call: Call, res: ServerResponse, refusal: Refusal) {
    const error = openAiError(refusal.error);
    if (!res.headersSent) for (let i = 0; i < call.headers.length; i += 2) res.setHeader(call.headers[i]!, call.headers[i + 1]!);
    call.refused = true;
    call.status = error.status;
    call.errorCode = refusal.code ?? error.code;
    await this.settleAndRecord(call);
    sendError(res, refusal.error, refusal);
  }

  /** Records the event, then ends the response: in strict mode only once the event is committed. */
  private async finish(call: Call, res: ServerResponse, last?: Buffer) {
    await this.settleAndRecord(call);
    res.end(last);
  }

  private settleAndRecord(call: Call): Promise<void> {
    const { cost, charge, settlement } = this.settle(call);
    if (call.responseId) this.responses.made(call.responseId, call.key.organizationId, call.model);
    return this.record(call, cost, charge, settlement);
  }

  /**
   * The call's cost, its charge to the wallet (the cost, at most what it
   * reserved), and the settlement that replaces its reservation with what was
   * used (sent with its event). Calls the upstream failed (5xx, a stream it
   * broke off) cost nothing; what was used still counts against token limits.
   */
  private settle(call: Call): { cost: bigint; charge: bigint; settlement: Settlement | null } {
    const usage = call.usage ?? NO_USAGE;
    const cost = call.route && call.status < 500 ? costMicros(usage, call.route.prices) : 0n;
    const hold = call.hold;
    if (!hold) return { cost, charge: 0n, settlement: null };
    call.hold = null;
    const charge = hold.wallet ? chargeFor(hold.reservedMoney, cost) : 0n;
    if (cost > hold.reservedMoney) {
      this.logger.warn(
        { requestId: call.requestId, cost: cost.toString(), reserved: hold.reservedMoney.toString(), charged: charge.toString() },
        'usage beyond the reservation: charged the reservation',
      );
    }
    return { cost, charge, settlement: { hold, actual: { requests: 1n, tokens: BigInt(usage.inputTokens + usage.outputTokens), money: cost }, charge } };
  }

  /** The one place a call's usage event is made: its metrics are counted here too, so they add up to the request log. */
  private record(call: Call, cost: bigint, charge: bigint, settlement: Settlement | null): Promise<void> {
    const usage = call.usage ?? NO_USAGE;
    const now = performance.now();
    this.metrics.called(call, cost, now);
    return this.recorder.settleAndRecord(settlement, {
      requestId: call.requestId,
      time: new Date(Date.now() - (now - call.started)),
      organizationId: call.key.organizationId,
      projectId: call.key.projectId,
      apiKeyId: call.key.keyId,
      userId: call.key.userId,
      model: call.model,
      status: call.status,
      inputTokens: usage.inputTokens,
      cachedInputTokens: usage.cachedInputTokens,
      outputTokens: usage.outputTokens,
      reasoningTokens: usage.reasoningTokens,
      usageSource: call.usage?.source ?? null,
      responseId: call.responseId,
      cost,
      charge,
      latencyMs: Math.round(now - call.started),
      upstreamLatencyMs: call.upstreamLatencyMs,
      stream: call.stream,
      errorCode: call.errorCode,
      content: call.content,
      forwarded: call.forwarded,
    });
  }
}

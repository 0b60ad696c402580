import { DomainError, ErrorCode, usageCsvRecords } from '@tollgate/domain';
import { Router, type Request, type Response } from 'express';
import { once } from 'node:events';
import { buildContext, httpRequestFacts, type AppServices } from '../../context';
import { graphqlAnswer } from '../../graphql/format-error';
import { cursorPosition, executorOf, MAX_PAGE, prepareUsage, usagePage, type UsageArgs } from './usage.query';

/** A query parameter given once, or as a comma-separated list (`groupBy=PROJECT,MODEL`), or repeated. */
function list(value: unknown): string[] | null {
  if (value === undefined) return null;
  const values = (Array.isArray(value) ? value : [value])
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  return values.length ? values : null;
}
const one = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const date = (value: unknown): Date => new Date(one(value) ?? 'invalid');
const statuses = (value: unknown) => list(value)?.map((v) => (/^\d+$/.test(v) ? Number(v) : (v as unknown as number))) ?? null;

/** The usage query's arguments from the CSV's query string: the same names, lists comma-separated. */
function argsOf(req: Request): UsageArgs {
  const q = req.query;
  return {
    organizationId: one(q.organizationId) ?? '',
    from: date(q.from),
    to: date(q.to),
    window: one(q.window) as UsageArgs['window'],
    timeZone: one(q.timeZone),
    groupBy: list(q.groupBy) as UsageArgs['groupBy'],
    filter: { projectIds: list(q.projectIds), apiKeyIds: list(q.apiKeyIds), userIds: list(q.userIds), models: list(q.models), statuses: statuses(q.statuses) },
    first: MAX_PAGE,
    after: null,
  };
}

/**
 * `GET /api/usage.csv`: the usage query as RFC 4180 CSV for BI tools, with a
 * session or `Authorization: Bearer <API token>` (read-only tokens welcome).
 * Streamed page by page (keyset pages of 1,000 rows, pinned to one asOf like
 * any cursor), waiting for the socket to drain, so a million rows cost the
 * server one page of memory. Errors before the first byte answer JSON
 * `{error: {code, message, field}}` with the code's HTTP status; a failure
 * mid-stream cuts the response (no partial file looks complete: the last
 * record is followed by nothing, not by a clean end).
 */
export function usageCsvRouter(services: AppServices): Router {
  const router = Router();
  router.get('/usage.csv', async (req: Request, res: Response) => {
    let started = false;
    try {
      const ctx = await buildContext(services, httpRequestFacts(req, res));
      if (!ctx.auth) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in or send a valid API token');
      let query = await prepareUsage(ctx, argsOf(req));
      const execute = executorOf(ctx);
      let page = await usagePage(execute, query);
      res.status(200).set({
        'content-type': 'text/csv; charset=utf-8; header=present',
        'content-disposition': `attachment; filename="usage-${query.organizationId}.csv"`,
        'cache-control': 'no-store',
        'x-usage-as-of': query.asOf.toISOString(),
      });
      started = true;
      for (let first = true; ; first = false) {
        if (!res.write(usageCsvRecords(page.rows, first))) await once(res, 'drain');
        if (!page.endCursor || res.destroyed) break;
        query = { ...query, position: cursorPosition(page.endCursor) };
        page = await usagePage(execute, query);
      }
      res.end();
    } catch (error) {
      if (started) {
        services.logger.error({ err: error }, 'usage CSV failed mid-stream');
        res.destroy();
        return;
      }
      const domain = error instanceof DomainError ? error : null;
      if (!domain) services.logger.error({ err: error }, 'usage CSV failed');
      const code = domain?.code ?? ErrorCode.INTERNAL;
      res
        .status(graphqlAnswer(code).status)
        .json({ error: { code, message: domain ? domain.message : 'Internal error', ...(domain?.details?.field ? { field: domain.details.field } : {}) } });
    }
  });
  return router;
}

import type { ResultOf } from '@graphql-typed-document-node/core';
import { useEffect, useMemo, useState } from 'react';
import { CombinedError, useClient } from 'urql';
import { graphql } from '../../gql';
import type { UsageDimension, UsageFilter, UsageWindow } from '../../gql/graphql';

/**
 * Every chart and list of the dashboards reads the usage query, the one a BI
 * tool asks (and `/api/usage.csv` streams): rows as the server summed them,
 * never re-added in the browser. `totals` only where a chart shows them, and
 * on the first page only: every page of one query has the same (the cursor
 * pins the snapshot), and a page that is not the whole answer costs the
 * server another pass over the range for them.
 */
export const UsageRowsQuery = graphql(`
  query UsageRows(
    $organizationId: ID!
    $withTotals: Boolean!
    $from: DateTime!
    $to: DateTime!
    $window: UsageWindow
    $timeZone: String
    $groupBy: [UsageDimension!]
    $filter: UsageFilter
    $after: String
  ) {
    usage(
      organizationId: $organizationId
      from: $from
      to: $to
      window: $window
      timeZone: $timeZone
      groupBy: $groupBy
      filter: $filter
      first: 1000
      after: $after
    ) {
      timeZone
      asOf
      endCursor
      totals @include(if: $withTotals) {
        requests
        errors
        inputTokens
        outputTokens
        cost
      }
      rows {
        windowStart
        windowEnd
        projectId
        apiKeyId
        userId
        model
        requests
        errors
        inputTokens
        outputTokens
        cost
      }
    }
  }
`);

export type UsagePage = ResultOf<typeof UsageRowsQuery>['usage'];
export type UsageRow = UsagePage['rows'][number];
export type UsageTotals = NonNullable<UsagePage['totals']>;

export interface UsageArgs {
  organizationId: string;
  from: string;
  to: string;
  window: UsageWindow | null;
  timeZone: string;
  groupBy: UsageDimension[] | null;
  filter: UsageFilter | null;
}

/** Pages past this many rows are not fetched (10,000 rows: 90 days by 110 projects). */
const MAX_PAGES = 10;

export interface UsageResult<Totals extends UsageTotals | null = UsageTotals> {
  data: (Omit<UsagePage, 'endCursor' | 'totals'> & { totals: Totals; truncated: boolean }) | null;
  fetching: boolean;
  error: CombinedError | null;
}

/**
 * All pages of one usage query (the cursor pins one snapshot, so they add up
 * to the first page's totals), fetched again whenever the arguments or
 * `refresh` change. The last data stays shown while new data loads. The
 * totals are asked for with the first page, unless `totals: false` (then null).
 */
export function useUsage(args: UsageArgs, refresh?: number): UsageResult;
export function useUsage(args: UsageArgs, refresh: number, options: { totals: false }): UsageResult<null>;
export function useUsage(args: UsageArgs, refresh = 0, { totals = true } = {}): UsageResult<UsageTotals | null> {
  const client = useClient();
  const key = JSON.stringify(args);
  const [state, setState] = useState<UsageResult<UsageTotals | null> & { key: string | null }>({ data: null, fetching: true, error: null, key: null });
  useEffect(() => {
    let cancelled = false;
    setState((s) => ({ ...s, fetching: true, error: null }));
    (async () => {
      const variables = JSON.parse(key) as UsageArgs;
      let page: UsagePage | null = null;
      let sums: UsageTotals | null = null;
      const rows: UsageRow[] = [];
      let after: string | null = null;
      for (let n = 0; n < MAX_PAGES; n++) {
        const result = await client
          .query(UsageRowsQuery, { ...variables, after, withTotals: totals && n === 0 }, { requestPolicy: 'network-only' })
          .toPromise();
        if (cancelled) return;
        if (result.error || !result.data) {
          setState({ data: null, fetching: false, error: result.error ?? null, key });
          return;
        }
        page = result.data.usage;
        sums ??= page.totals ?? null;
        rows.push(...page.rows);
        after = page.endCursor ?? null;
        if (!after) break;
      }
      const { endCursor: _, totals: __, ...rest } = page!;
      setState({ data: { ...rest, totals: sums, rows, truncated: after !== null }, fetching: false, error: null, key });
    })();
    return () => {
      cancelled = true;
    };
  }, [client, key, refresh, totals]);
  return useMemo(() => ({ data: state.data, fetching: state.fetching, error: state.error }), [state]);
}

/** `/api/usage.csv` with the same arguments, for BI tools and spreadsheets (lists comma separated). */
export function usageCsvHref(args: UsageArgs): string {
  const q = new URLSearchParams({ organizationId: args.organizationId, from: args.from, to: args.to, timeZone: args.timeZone });
  if (args.window) q.set('window', args.window);
  if (args.groupBy?.length) q.set('groupBy', args.groupBy.join(','));
  const f = args.filter;
  if (f?.projectIds?.length) q.set('projectIds', f.projectIds.join(','));
  if (f?.apiKeyIds?.length) q.set('apiKeyIds', f.apiKeyIds.join(','));
  if (f?.userIds?.length) q.set('userIds', f.userIds.join(','));
  if (f?.models?.length) q.set('models', f.models.join(','));
  return `/api/usage.csv?${q}`;
}

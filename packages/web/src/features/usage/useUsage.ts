import type { ResultOf } from '@graphql-typed-document-node/core';
import { useEffect, useMemo, useState } from 'react';
import { CombinedError, useClient } from 'urql';
import { graphql } from '../../gql';
import type { UsageDimension, UsageFilter, UsageWindow } from '../../gql/graphql';

/**
 * Every chart and list of the dashboards reads the usage query, the one a BI
 * tool asks (and `/api/usage.csv` streams): rows as the server summed them,
 * never re-added in the browser.
 */
export const UsageRowsQuery = graphql(`
  query UsageRows(
    $organizationId: ID!
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
      totals {
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
export type UsageTotals = UsagePage['totals'];

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

export interface UsageResult {
  data: (Omit<UsagePage, 'endCursor'> & { truncated: boolean }) | null;
  fetching: boolean;
  error: CombinedError | null;
}

/**
 * All pages of one usage query (the cursor pins one snapshot, so they add up
 * to the first page's totals), fetched again whenever the arguments or
 * `refresh` change. The last data stays shown while new data loads.
 */
export function useUsage(args: UsageArgs, refresh = 0): UsageResult {
  const client = useClient();
  const key = JSON.stringify(args);
  const [state, setState] = useState<UsageResult & { key: string | null }>({ data: null, fetching: true, error: null, key: null });
  useEffect(() => {
    let cancelled = false;
    setState((s) => ({ ...s, fetching: true, error: null }));
    (async () => {
      const variables = JSON.parse(key) as UsageArgs;
      let page: UsagePage | null = null;
      const rows: UsageRow[] = [];
      let after: string | null = null;
      for (let n = 0; n < MAX_PAGES; n++) {
        const result = await client.query(UsageRowsQuery, { ...variables, after }, { requestPolicy: 'network-only' }).toPromise();
        if (cancelled) return;
        if (result.error || !result.data) {
          setState({ data: null, fetching: false, error: result.error ?? null, key });
          return;
        }
        page = result.data.usage;
        rows.push(...page.rows);
        after = page.endCursor ?? null;
        if (!after) break;
      }
      const { endCursor: _, ...rest } = page!;
      setState({ data: { ...rest, rows, truncated: after !== null }, fetching: false, error: null, key });
    })();
    return () => {
      cancelled = true;
    };
  }, [client, key, refresh]);
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

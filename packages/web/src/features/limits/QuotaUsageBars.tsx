import { useQuery, useSubscription } from 'urql';
import { LiveIndicator } from '../../app/LiveIndicator';
import { Card, ErrorMessage } from '../../components';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { useNewest } from '../../lib/newest';
import { formatLimit } from './fields';

const QuotaUsageBarsFields = graphql(`
  fragment QuotaUsageBars on QuotaUsage {
    projectId
    dailyUsage {
      requestCount
      tokenCount
      spent
      date
    }
    monthlyUsage {
      requestCount
      tokenCount
      spent
      resetDay
      periodStart
    }
    effective {
      dailyRequestLimit
      dailyTokenLimit
      monthlyRequestLimit
      monthlyTokenLimit
      dailyBudget
      monthlyBudget
      enforceQuota
      customResetDay
    }
  }
`);
const QuotaUsageQuery = graphql(`
  query QuotaUsage($projectId: ID!) {
    quotaUsage(projectId: $projectId, period: MONTH) {
      projectId
      ...QuotaUsageBars
    }
  }
`);
/** The same figures whenever they move (at most 4 a second); the first message is the current state. */
const QuotaChanged = graphql(`
  subscription QuotaChanged($projectId: ID!) {
    quotaChanged(projectId: $projectId) {
      projectId
      ...QuotaUsageBars
    }
  }
`);

interface Bar {
  name: string;
  kind: 'count' | 'money';
  used: number | string;
  limit: number | string | null | undefined;
  what: string;
}

/**
 * Use of the UTC day and quota month against each effective limit, as it
 * moves (`quotaChanged`) while the page is open. `indicator`: show the live
 * state on the card (a dashboard shows its own instead).
 */
export function QuotaUsageBars({ projectId, indicator = true }: { projectId: string; indicator?: boolean }) {
  const [{ data, error }] = useQuery({ query: QuotaUsageQuery, variables: { projectId }, requestPolicy: 'network-only' });
  const [{ data: live, error: liveError }] = useSubscription({ query: QuotaChanged, variables: { projectId } });
  const ref = useNewest<FragmentType<typeof QuotaUsageBarsFields>>(data?.quotaUsage, live?.quotaChanged);
  const quota = useFragment(QuotaUsageBarsFields, ref);
  if (!quota)
    return (
      <>
        <ErrorMessage error={error} />
        <ErrorMessage error={liveError} />
      </>
    );
  const { dailyUsage: day, monthlyUsage: month, effective: e } = quota;
  const bars: Bar[] = [
    { name: 'Requests today', kind: 'count', used: day.requestCount, limit: e.dailyRequestLimit, what: 'requests today' },
    { name: 'Tokens today', kind: 'count', used: day.tokenCount, limit: e.dailyTokenLimit, what: 'tokens today' },
    { name: 'Spent today', kind: 'money', used: day.spent, limit: e.dailyBudget, what: 'spent today' },
    { name: 'Requests this month', kind: 'count', used: month.requestCount, limit: e.monthlyRequestLimit, what: 'requests this month' },
    { name: 'Tokens this month', kind: 'count', used: month.tokenCount, limit: e.monthlyTokenLimit, what: 'tokens this month' },
    { name: 'Spent this month', kind: 'money', used: month.spent, limit: e.monthlyBudget, what: 'spent this month' },
  ];
  const shown = bars.filter((b) => b.limit != null);
  return (
    <Card title="Usage" label="Quota usage" actions={indicator ? <LiveIndicator errors={[liveError]} /> : undefined}>
      <p>
        Today is {day.date} (UTC); the quota month began {month.periodStart} and resets on day {month.resetDay}.
        {e.enforceQuota ? '' : ' The quota is not enforced: calls over it are not refused.'}
      </p>
      {shown.map((b) => (
        <UsageBar key={b.name} bar={b} />
      ))}
      {shown.length === 0 && <p>No daily or monthly limits apply.</p>}
      <ErrorMessage error={error} />
      <ErrorMessage error={liveError} />
    </Card>
  );
}

function UsageBar({ bar }: { bar: Bar }) {
  const used = Number(bar.used);
  const limit = Number(bar.limit);
  const text = `${formatLimit(bar.kind, bar.used)} / ${formatLimit(bar.kind, bar.limit)} ${bar.what}`;
  return (
    <div className="usage">
      <div
        role="meter"
        aria-label={bar.name}
        aria-valuemin={0}
        aria-valuemax={limit}
        aria-valuenow={Math.min(used, limit)}
        aria-valuetext={text}
        className={used >= limit ? 'meter full' : 'meter'}
      >
        <span style={{ width: `${Math.min(100, (used / limit) * 100)}%` }} />
      </div>
      <span>{text}</span>
    </div>
  );
}

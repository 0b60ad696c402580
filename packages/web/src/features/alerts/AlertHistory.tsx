import type { ResultOf } from '@graphql-typed-document-node/core';
import { Fragment, useEffect, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { Badge, Button, Card, ErrorMessage, StatusBadge, Table } from '../../components';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { formatDate, money } from '../../lib/format';

export const AlertRowFields = graphql(`
  fragment AlertRow on Alert {
    id
    kind
    period
    periodKey
    metric
    projectId
    projectName
    threshold
    value
    limitValue
    message
    firedAt
    resolvedAt
    resolved
    suppressed
    test
    deliveries {
      id
      channel
      to
      status
      lastError
      sentAt
      attempts {
        at
        statusCode
        latencyMs
        error
      }
    }
  }
`);
const Alerts = graphql(`
  query AlertHistory($organizationId: ID!, $projectId: ID, $after: String) {
    alerts(organizationId: $organizationId, projectId: $projectId, first: 20, after: $after) {
      endCursor
      nodes {
        id
        ...AlertRow
      }
    }
  }
`);
const AlertFired = graphql(`
  subscription AlertFired($organizationId: ID!) {
    alertFired(organizationId: $organizationId) {
      id
      projectId
      ...AlertRow
    }
  }
`);

type Node = ResultOf<typeof Alerts>['alerts']['nodes'][number];
const COLUMNS = 7;

/**
 * The alerts fired, newest first, with whether each is resolved and, on
 * demand, its delivery log; new ones arrive live (alertFired) while the page
 * is open. `projectId`: only that project's.
 */
export function AlertHistory({ organizationId, projectId = null, refresh = 0 }: { organizationId: string; projectId?: string | null; refresh?: number }) {
  const [more, setMore] = useState<string[]>([]);
  const [{ data, error }, refetch] = useQuery({ query: Alerts, variables: { organizationId, projectId, after: null } });
  // Alerts heard since the page loaded, newest first; the subscription tells each subscriber only what they may see.
  const [{ data: heard }] = useSubscription({ query: AlertFired, variables: { organizationId } }, (fired: Node[] = [], message) =>
    projectId && message.alertFired.projectId !== projectId ? fired : [message.alertFired, ...fired.filter((a) => a.id !== message.alertFired.id)],
  );
  useEffect(() => {
    if (refresh) refetch({ requestPolicy: 'network-only' });
  }, [refresh, refetch]);
  const loaded = data?.alerts.nodes ?? [];
  const fresh = (heard ?? []).filter((a) => !loaded.some((l) => l.id === a.id));
  return (
    <Card
      title="Alert history"
      label="Alert history"
      actions={
        <Button variant="secondary" size="small" onClick={() => (setMore([]), refetch({ requestPolicy: 'network-only' }))}>
          Refresh
        </Button>
      }
    >
      <ErrorMessage error={error} />
      <Table label="Alerts" columns={['Fired', 'Kind', 'Project', 'Message', 'Status', 'Deliveries', '']} bodies>
        {data && <AlertRows nodes={[...fresh, ...loaded]} endCursor={data.alerts.endCursor} onMore={more.length ? undefined : (c) => setMore([c])} />}
        {more.map((after, i) => (
          <MoreAlerts key={after} variables={{ organizationId, projectId, after }} onMore={i === more.length - 1 ? (c) => setMore([...more, c]) : undefined} />
        ))}
      </Table>
      {data && !loaded.length && !fresh.length && <p className="empty">No alerts yet. A test send shows up here too.</p>}
    </Card>
  );
}

function MoreAlerts({
  variables,
  onMore,
}: {
  variables: { organizationId: string; projectId: string | null; after: string };
  onMore?: (cursor: string) => void;
}) {
  const [{ data, error }] = useQuery({ query: Alerts, variables });
  if (!data)
    return (
      <tbody>
        <tr>
          <td colSpan={COLUMNS}>{error ? <ErrorMessage error={error} /> : 'Loading…'}</td>
        </tr>
      </tbody>
    );
  return <AlertRows nodes={data.alerts.nodes} endCursor={data.alerts.endCursor} onMore={onMore} />;
}

function AlertRows({ nodes, endCursor, onMore }: { nodes: readonly Node[]; endCursor?: string | null; onMore?: (cursor: string) => void }) {
  return (
    <tbody>
      {nodes.map((a) => (
        <AlertRow key={a.id} alert={a} />
      ))}
      {onMore && endCursor && (
        <tr>
          <td colSpan={COLUMNS}>
            <Button variant="secondary" size="small" onClick={() => onMore(endCursor)}>
              Load more
            </Button>
          </td>
        </tr>
      )}
    </tbody>
  );
}

const KIND: Record<string, string> = { BALANCE: 'Balance', CONSUMPTION: 'Consumption', QUOTA: 'Quota' };

/** What crossed what: "below $5.00 (at $4.50)", "$10.00 spent this day", "80% of dailyRequestLimit (800 of 1000)". */
function crossing(a: ResultOf<typeof AlertRowFields>): string {
  if (a.kind === 'BALANCE') return `below ${money(a.threshold)} (at ${money(a.value)})`;
  if (a.kind === 'CONSUMPTION') return `${money(a.threshold)} reached this ${a.period === 'MONTH' ? 'month' : 'day'} (${money(a.value)})`;
  return `${a.threshold}% of ${a.metric ?? 'a limit'}${a.limitValue ? ` (${a.value} of ${a.limitValue})` : ''}`;
}

function AlertRow({ alert: ref }: { alert: FragmentType<typeof AlertRowFields> }) {
  const a = useFragment(AlertRowFields, ref);
  const [open, setOpen] = useState(false);
  const failed = a.deliveries.filter((d) => d.status === 'FAILED').length;
  return (
    <Fragment>
      <tr>
        <td>{formatDate(a.firedAt)}</td>
        <td>
          {KIND[a.kind]}
          {a.test && <Badge tone="info">TEST</Badge>}
        </td>
        <td>{a.projectName ?? 'Organization'}</td>
        <td>
          {a.message}
          <br />
          <small>{crossing(a)}</small>
        </td>
        <td>
          {a.resolved ? (
            <Badge tone="success" title={a.resolvedAt ? `Resolved ${formatDate(a.resolvedAt)}` : undefined}>
              RESOLVED
            </Badge>
          ) : (
            <Badge tone="warning">OPEN</Badge>
          )}
          {a.suppressed && (
            <Badge tone="neutral" title="Over the day's cap of alerts: recorded, nothing sent">
              SUPPRESSED
            </Badge>
          )}
        </td>
        <td>
          {a.deliveries.length} {a.deliveries.length === 1 ? 'delivery' : 'deliveries'}
          {failed > 0 && <Badge tone="danger">{failed} failed</Badge>}
        </td>
        <td className="table-actions">
          {a.deliveries.length > 0 && (
            <Button variant="ghost" size="small" aria-expanded={open} onClick={() => setOpen(!open)}>
              {open ? 'Hide deliveries' : 'Show deliveries'}
            </Button>
          )}
        </td>
      </tr>
      {open && (
        <tr className="alert-deliveries">
          <td colSpan={COLUMNS}>
            <DeliveryLog deliveries={a.deliveries} />
          </td>
        </tr>
      )}
    </Fragment>
  );
}

type Attempt = ResultOf<typeof AlertRowFields>['deliveries'][number]['attempts'][number];

/** "12/1/2026, 12:20:30 PM · 204 · 10 ms": a webhook's answer (or none), an email's or SMS's outcome. */
function attemptText(channel: string, t: Attempt): string {
  const answer = t.statusCode ?? (channel === 'WEBHOOK' ? 'no answer' : null);
  return [formatDate(t.at), answer, `${t.latencyMs} ms`, t.error].filter((part) => part !== null && part !== '').join(' · ');
}

/** Every message an alert sent, with each attempt: when, the receiver's status, how long, and why it failed. */
function DeliveryLog({ deliveries }: { deliveries: ResultOf<typeof AlertRowFields>['deliveries'] }) {
  return (
    <Table label="Delivery log" columns={['Channel', 'To', 'Status', 'Attempts']}>
      {deliveries.map((d) => (
        <tr key={d.id}>
          <td>{d.channel}</td>
          <td>
            <code>{d.to}</code>
          </td>
          <td>
            <StatusBadge status={d.status} />
            {d.lastError && <small className="error"> {d.lastError}</small>}
          </td>
          <td>
            {d.attempts.length === 0
              ? d.sentAt
                ? `sent ${formatDate(d.sentAt)}`
                : 'none yet'
              : d.attempts.map((t, i) => <div key={i}>{attemptText(d.channel, t)}</div>)}
          </td>
        </tr>
      ))}
    </Table>
  );
}

import { useState } from 'react';
import { useQuery } from 'urql';
import { useProject } from '../../app/ProjectLayout';
import { Badge, Button, Card, ErrorMessage, Field, Table, utcDateTime } from '../../components';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { formatUtc } from '../../lib/format';

const RequestFilters = graphql(`
  query RequestFilters($projectId: ID!) {
    apiKeys(projectId: $projectId) {
      id
      name
      prefix
      lastFour
    }
    availableModels(projectId: $projectId) {
      name
    }
  }
`);
const RequestRowFields = graphql(`
  fragment RequestRow on RequestLog {
    id
    time
    apiKeyId
    model
    status
    inputTokens
    cachedInputTokens
    outputTokens
    reasoningTokens
    usageSource
    cost
    latencyMs
    upstreamLatencyMs
    stream
    errorCode
    content
  }
`);
const RequestLogs = graphql(`
  query RequestLogs($projectId: ID!, $filter: RequestLogFilter, $after: String) {
    requestLogs(projectId: $projectId, filter: $filter, first: 50, after: $after) {
      endCursor
      nodes {
        id
        ...RequestRow
      }
    }
  }
`);

interface Filter {
  apiKeyId: string;
  model: string;
  outcome: '' | 'SUCCESS' | 'ERROR';
  from: string;
  to: string;
}
type Key = { id: string; name: string; prefix: string; lastFour: string };

/** The project's calls through the proxy, newest first; content only where the organization's policy kept it. */
export function RequestsPage() {
  const project = useProject();
  const [filter, setFilter] = useState<Filter>({ apiKeyId: '', model: '', outcome: '', from: '', to: '' });
  const [after, setAfter] = useState<string[]>([]);
  const [{ data: meta }] = useQuery({ query: RequestFilters, variables: { projectId: project.id } });
  const variables = {
    projectId: project.id,
    filter: {
      apiKeyId: filter.apiKeyId || null,
      model: filter.model || null,
      outcome: filter.outcome || null,
      from: utcDateTime(filter.from),
      to: utcDateTime(filter.to),
    },
    after: after.at(-1) ?? null,
  };
  const [{ data, error, fetching }, refetch] = useQuery({ query: RequestLogs, variables });
  const set = (key: keyof Filter) => (e: { target: { value: string } }) => {
    setFilter({ ...filter, [key]: e.target.value });
    setAfter([]);
  };
  const keys = new Map((meta?.apiKeys ?? []).map((k) => [k.id, k]));
  return (
    <Card title="Requests" description="Every call through the proxy, newest first. Content is kept only as the organization's policy allows.">
      <div className="row">
        <Field label="API key">
          <select value={filter.apiKeyId} onChange={set('apiKeyId')}>
            <option value="">Any key</option>
            {meta?.apiKeys.map((k) => (
              <option key={k.id} value={k.id}>
                {k.name} ({k.prefix}…{k.lastFour})
              </option>
            ))}
          </select>
        </Field>
        <Field label="Model">
          <select value={filter.model} onChange={set('model')}>
            <option value="">Any model</option>
            {meta?.availableModels.map((m) => (
              <option key={m.name} value={m.name}>
                {m.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Outcome">
          <select value={filter.outcome} onChange={set('outcome')}>
            <option value="">Any</option>
            <option value="SUCCESS">Success</option>
            <option value="ERROR">Error</option>
          </select>
        </Field>
        <Field label="From (UTC)">
          <input type="datetime-local" value={filter.from} onChange={set('from')} />
        </Field>
        <Field label="To (UTC)">
          <input type="datetime-local" value={filter.to} onChange={set('to')} />
        </Field>
        <Button variant="secondary" onClick={() => refetch({ requestPolicy: 'network-only' })}>
          Refresh
        </Button>
      </div>
      <ErrorMessage error={error} />
      <Table label="Requests" columns={['Time (UTC)', 'Key', 'Model', 'Status', 'Input tokens', 'Output tokens', 'Cost', 'Latency', 'Content']}>
        {data?.requestLogs.nodes.map((r) => (
          <RequestRow key={r.id} request={r} keys={keys} />
        ))}
      </Table>
      {data && !data.requestLogs.nodes.length && <p className="empty">No requests match.</p>}
      <div className="row">
        <Button variant="secondary" disabled={!after.length} onClick={() => setAfter(after.slice(0, -1))}>
          Newer
        </Button>
        <Button variant="secondary" disabled={fetching || !data?.requestLogs.endCursor} onClick={() => setAfter([...after, data!.requestLogs.endCursor!])}>
          Older
        </Button>
      </div>
    </Card>
  );
}

function RequestRow({ request: ref, keys }: { request: FragmentType<typeof RequestRowFields>; keys: Map<string, Key> }) {
  const r = useFragment(RequestRowFields, ref);
  const key = keys.get(r.apiKeyId);
  const failed = r.status >= 400;
  return (
    <tr>
      <td title={r.id}>{formatUtc(r.time)}</td>
      <td>{key ? `${key.name} (${key.prefix}…${key.lastFour})` : r.apiKeyId.slice(0, 8)}</td>
      <td>
        {r.model || '—'}
        {r.stream ? ' (stream)' : ''}
      </td>
      <td>{failed ? <Badge tone="danger">{`${r.status}${r.errorCode ? ` ${r.errorCode}` : ''}`}</Badge> : r.status}</td>
      <td>
        {r.inputTokens.toLocaleString()}
        {r.cachedInputTokens ? <small> ({r.cachedInputTokens.toLocaleString()} cached)</small> : null}
      </td>
      <td>
        {r.outputTokens.toLocaleString()}
        {r.reasoningTokens ? <small> ({r.reasoningTokens.toLocaleString()} reasoning)</small> : null}
        {r.usageSource === 'ESTIMATED' && (
          <Badge tone="warning" title="The upstream reported no usage: our tokenizer counted these tokens.">
            estimated
          </Badge>
        )}
      </td>
      <td>${r.cost}</td>
      <td>
        {r.latencyMs} ms{r.upstreamLatencyMs != null ? ` (upstream ${r.upstreamLatencyMs} ms)` : ''}
      </td>
      <td>
        {r.content ? (
          <details>
            <summary>show</summary>
            <pre className="mail">{JSON.stringify(r.content, null, 2)}</pre>
          </details>
        ) : (
          '—'
        )}
      </td>
    </tr>
  );
}

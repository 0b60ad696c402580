import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { ErrorMessage } from '../../components/ErrorMessage';
import { graphql } from '../../gql';


const RequestFilters = graphql(`
  query RequestFilters($projectId: ID!) {
    project(id: $projectId) { id name }
    apiKeys(projectId: $projectId) { id name prefix lastFour }
    availableModels(projectId: $projectId) { name }
  }
`);
const RequestLogs = graphql(`
  query RequestLogs($projectId: ID!, $filter: RequestLogFilter, $after: String) {
    requestLogs(projectId: $projectId, filter: $filter, first: 50, after: $after) {
      endCursor
      nodes { id time apiKeyId model status inputTokens cachedInputTokens outputTokens reasoningTokens usageSource cost latencyMs upstreamLatencyMs stream errorCode content }
    }
  }
`);

interface Filter { apiKeyId: string; model: string; outcome: '' | 'SUCCESS' | 'ERROR'; from: string; to: string }
const utc = (local: string) => (local ? new Date(`${local}:00Z`).toISOString() : null);

/** The project's calls through the proxy, newest first; content only where the organization's policy kept it. */
export function RequestsPage() {
  const { orgId, projectId } = useParams();
  const [filter, setFilter] = useState<Filter>({ apiKeyId: '', model: '', outcome: '', from: '', to: '' });
  const [after, setAfter] = useState<string[]>([]);
  const [{ data: meta }] = useQuery({ query: RequestFilters, variables: { projectId: projectId! } });
  const variables = {
    projectId: projectId!,
    filter: { apiKeyId: filter.apiKeyId || null, model: filter.model || null, outcome: filter.outcome || null, from: utc(filter.from), to: utc(filter.to) },
    after: after.at(-1) ?? null,
  };
  const [{ data, error, fetching }, refetch] = useQuery({ query: RequestLogs, variables });
  const set = (key: keyof Filter) => (e: { target: { value: string } }) => {
    setFilter({ ...filter, [key]: e.target.value });
    setAfter([]);
  };
  const keyLabel = (id: string) => {
    const key = meta?.apiKeys.find((k) => k.id === id);
    return key ? `${key.name} (${key.prefix}…${key.lastFour})` : id.slice(0, 8);
  };
  return (
    <main>
      <p><Link to={`/orgs/${orgId}/projects/${projectId}`}>← {meta?.project.name ?? 'Project'}</Link></p>
      <h1>Requests</h1>
      <div className="row">
        <label>API key
          <select aria-label="API key" value={filter.apiKeyId} onChange={set('apiKeyId')}>
            <option value="">Any key</option>
            {meta?.apiKeys.map((k) => <option key={k.id} value={k.id}>{k.name} ({k.prefix}…{k.lastFour})</option>)}
          </select>
        </label>
        <label>Model
          <select aria-label="Model" value={filter.model} onChange={set('model')}>
            <option value="">Any model</option>
            {meta?.availableModels.map((m) => <option key={m.name} value={m.name}>{m.name}</option>)}
          </select>
        </label>
        <label>Outcome
          <select aria-label="Outcome" value={filter.outcome} onChange={set('outcome')}>
            <option value="">Any</option><option value="SUCCESS">Success</option><option value="ERROR">Error</option>
          </select>
        </label>
        <label>From (UTC)<input type="datetime-local" value={filter.from} onChange={set('from')} /></label>
        <label>To (UTC)<input type="datetime-local" value={filter.to} onChange={set('to')} /></label>
        <button onClick={() => refetch({ requestPolicy: 'network-only' })}>Refresh</button>
      </div>
      <ErrorMessage error={error} />
      <table aria-label="Requests">
        <thead><tr><th>Time (UTC)</th><th>Key</th><th>Model</th><th>Status</th><th>Input tokens</th><th>Output tokens</th><th>Cost</th><th>Latency</th><th>Content</th></tr></thead>
        <tbody>
          {data?.requestLogs.nodes.map((r) => (
            <tr key={r.id}>
              <td title={r.id}>{new Date(r.time).toISOString().replace('T', ' ').slice(0, 19)}</td>
              <td>{keyLabel(r.apiKeyId)}</td>
              <td>{r.model || '—'}{r.stream ? ' (stream)' : ''}</td>
              <td>{r.status}{r.errorCode ? ` ${r.errorCode}` : ''}</td>
              <td>{r.inputTokens.toLocaleString()}{r.cachedInputTokens ? <small> ({r.cachedInputTokens.toLocaleString()} cached)</small> : null}</td>
              <td>
                {r.outputTokens.toLocaleString()}{r.reasoningTokens ? <small> ({r.reasoningTokens.toLocaleString()} reasoning)</small> : null}
                {r.usageSource === 'ESTIMATED' && <span className="badge" title="The upstream reported no usage: our tokenizer counted these tokens."> estimated</span>}
              </td>
              <td>${r.cost}</td>
              <td>{r.latencyMs} ms{r.upstreamLatencyMs != null ? ` (upstream ${r.upstreamLatencyMs} ms)` : ''}</td>
              <td>{r.content ? <details><summary>show</summary><pre className="mail">{JSON.stringify(r.content, null, 2)}</pre></details> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data && !data.requestLogs.nodes.length && <p>No requests match.</p>}
      <p className="row">
        <button disabled={!after.length} onClick={() => setAfter(after.slice(0, -1))}>Newer</button>
        <button disabled={fetching || !data?.requestLogs.endCursor} onClick={() => setAfter([...after, data!.requestLogs.endCursor!])}>Older</button>
      </p>
    </main>
  );
}

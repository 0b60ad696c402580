import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDate } from '../../components/format';
import { SecretOnce } from '../../components/SecretOnce';
import { graphql } from '../../gql';
import { ApiKeyActions } from './ApiKeyActions';
import { CreateApiKey } from './CreateApiKey';

const ProjectApiKeys = graphql(`
  query ProjectApiKeys($projectId: ID!) {
    project(id: $projectId) { id name viewer { permissions } }
    apiKeys(projectId: $projectId) {
      id name prefix lastFour owner createdAt lastUsedAt expiresAt status effectiveModels rotatedFromId
      createdBy { id name }
      limits { rpm tpm dailyBudget }
    }
    availableModels(projectId: $projectId) { id name }
    me { id }
  }
`);

export function ApiKeysPage() {
  const { orgId, projectId } = useParams();
  const [{ data, error }, refetch] = useQuery({ query: ProjectApiKeys, variables: { projectId: projectId! } });
  // The secret lives only in this state: leaving or reloading the page forgets it.
  const [secret, setSecret] = useState<string | null>(null);
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <p>Loading…</p>;
  const can = (permission: string) => data.project.viewer.permissions.includes(permission);
  const manageAll = can('project.keys.manageAll');
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const minted = (value: string) => { setSecret(value); reload(); };
  // A rotated key works out its grace period, but only its successor can be rotated again.
  const rotated = new Set(data.apiKeys.map((k) => k.rotatedFromId));
  return (
    <main>
      <p><Link to={`/orgs/${orgId}/projects/${projectId}`}>← {data.project.name}</Link></p>
      <h1>API keys</h1>
      {secret && <SecretOnce label="New API key secret" secret={secret} />}
      <table aria-label="API keys">
        <thead>
          <tr><th>Name</th><th>Key</th><th>Owner</th><th>Created by</th><th>Created</th><th>Last used</th><th>Expires</th><th>Status</th><th>Models</th><th /></tr>
        </thead>
        <tbody>
          {data.apiKeys.map((k) => (
            <tr key={k.id}>
              <td>{k.name}</td>
              <td><code>{k.prefix}…{k.lastFour}</code></td>
              <td>{k.owner}</td>
              <td>{k.createdBy?.name ?? '—'}</td>
              <td>{formatDate(k.createdAt)}</td>
              <td>{formatDate(k.lastUsedAt, 'never')}</td>
              <td>{formatDate(k.expiresAt, 'never')}</td>
              <td>{k.status}</td>
              <td>{k.effectiveModels.join(', ') || 'none'}</td>
              <td>
                {(manageAll || (k.owner === 'MEMBER' && k.createdBy?.id === data.me?.id)) && (
                  <ApiKeyActions projectId={projectId!} apiKey={k} rotatable={k.status === 'ACTIVE' && !rotated.has(k.id)} onRevoked={reload} onRotated={minted} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {can('project.keys.create') && (
        <CreateApiKey projectId={projectId!} models={data.availableModels.map((m) => m.name)} mayCreateServiceAccount={manageAll} onCreated={minted} />
      )}
    </main>
  );
}

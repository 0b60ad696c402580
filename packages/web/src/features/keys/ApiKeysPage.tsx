import { useState } from 'react';
import { useQuery } from 'urql';
import { useProject } from '../../app/ProjectLayout';
import { Card, ErrorMessage, Loading, SecretOnce, StatusBadge, Table } from '../../components';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { formatDate, listOf } from '../../lib/format';
import { useCan } from '../../permissions/useCan';
import { ApiKeyActions } from './ApiKeyActions';
import { CreateApiKey } from './CreateApiKey';

const ApiKeyRowFields = graphql(`
  fragment ApiKeyRow on ApiKey {
    id
    name
    prefix
    lastFour
    owner
    createdAt
    lastUsedAt
    expiresAt
    status
    effectiveModels
    createdBy {
      id
      name
    }
    ...ApiKeyActions
  }
`);
const ProjectApiKeys = graphql(`
  query ProjectApiKeys($projectId: ID!) {
    apiKeys(projectId: $projectId) {
      id
      ...ApiKeyRow
    }
    availableModels(projectId: $projectId) {
      id
      name
    }
  }
`);

/** The project's keys (owners and admins see all, members their own), and a new one. */
export function ApiKeysPage() {
  const project = useProject();
  const can = useCan(project);
  const [{ data, error }, refetch] = useQuery({ query: ProjectApiKeys, variables: { projectId: project.id } });
  // The secret lives only in this state: leaving or reloading the page forgets it.
  const [secret, setSecret] = useState<string | null>(null);
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const minted = (value: string) => {
    setSecret(value);
    reload();
  };
  return (
    <>
      <Card title="API keys" description={can('KEYS_MANAGE_ALL') ? 'Every key of the project.' : 'The keys you created in this project.'}>
        {secret && <SecretOnce label="New API key secret" secret={secret} />}
        <Table
          label="API keys"
          columns={['Name', 'Key', 'Owner', 'Created by', 'Created', 'Last used', 'Expires', 'Status', 'Models', '']}
          empty={{ title: 'No keys yet', hint: 'Create one below; its secret is shown once.' }}
        >
          {data.apiKeys.map((k) => (
            <ApiKeyRow key={k.id} projectId={project.id} apiKey={k} onRevoked={reload} onRotated={minted} />
          ))}
        </Table>
      </Card>
      {can('KEYS_CREATE') && (
        <CreateApiKey
          projectId={project.id}
          models={data.availableModels.map((m) => m.name)}
          mayCreateServiceAccount={can('KEYS_MANAGE_ALL')}
          onCreated={minted}
        />
      )}
    </>
  );
}

interface RowProps {
  projectId: string;
  apiKey: FragmentType<typeof ApiKeyRowFields>;
  onRevoked: () => void;
  onRotated: (secret: string) => void;
}

function ApiKeyRow({ projectId, apiKey: ref, onRevoked, onRotated }: RowProps) {
  const k = useFragment(ApiKeyRowFields, ref);
  return (
    <tr>
      <td>{k.name}</td>
      <td>
        <code>
          {k.prefix}…{k.lastFour}
        </code>
      </td>
      <td>{k.owner}</td>
      <td>{k.createdBy?.name ?? '—'}</td>
      <td>{formatDate(k.createdAt)}</td>
      <td>{formatDate(k.lastUsedAt, 'never')}</td>
      <td>{formatDate(k.expiresAt, 'never')}</td>
      <td>
        <StatusBadge status={k.status} />
      </td>
      <td>{listOf(k.effectiveModels, 'none')}</td>
      <ApiKeyActions projectId={projectId} apiKey={k} onRevoked={onRevoked} onRotated={onRotated} />
    </tr>
  );
}

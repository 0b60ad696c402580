import { useQuery } from 'urql';
import { ErrorMessage } from '../../components/ErrorMessage';
import { graphql } from '../../gql';
import { ProjectModelAccessEditor } from './ProjectModelAccessEditor';

const ProjectModelsQuery = graphql(`
  query ProjectModels($projectId: ID!) {
    availableModels(projectId: $projectId) { id name inputPricePerMillion cachedInputPricePerMillion outputPricePerMillion contextWindow }
    project(id: $projectId) { id modelAccess { models groups } }
  }
`);

/** What the project may call, and for configurers the narrowing of the organization's grant. */
export function ProjectModels({ projectId, organizationId, canConfigure }: { projectId: string; organizationId: string; canConfigure: boolean }) {
  const [{ data, error }, refetch] = useQuery({ query: ProjectModelsQuery, variables: { projectId } });
  if (error) return <ErrorMessage error={error} />;
  if (!data) return null;
  const access = data.project.modelAccess;
  return (
    <section>
      <h2>Models</h2>
      <p>{access ? `Narrowed to models ${access.models.join(', ') || '—'} and groups ${access.groups.join(', ') || '—'}.` : "Inherits all of the organization's models."}</p>
      <table aria-label="Available models">
        <thead><tr><th>Model</th><th>Input per million</th><th>Cached input per million</th><th>Output per million</th><th>Context window</th></tr></thead>
        <tbody>
          {data.availableModels.map((m) => (
            <tr key={m.id}>
              <td>{m.name}</td><td>${m.inputPricePerMillion}</td><td>{m.cachedInputPricePerMillion == null ? 'as input' : `$${m.cachedInputPricePerMillion}`}</td><td>${m.outputPricePerMillion}</td><td>{m.contextWindow.toLocaleString()}</td>
            </tr>
          ))}
          {data.availableModels.length === 0 && <tr><td colSpan={4}>No models available.</td></tr>}
        </tbody>
      </table>
      {canConfigure && (
        <ProjectModelAccessEditor projectId={projectId} organizationId={organizationId} current={access ?? null} onSaved={() => refetch({ requestPolicy: 'network-only' })} />
      )}
    </section>
  );
}

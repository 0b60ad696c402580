import { useQuery } from 'urql';
import { Card, ErrorMessage, Table } from '../../components';
import { graphql } from '../../gql';
import { listOf } from '../../lib/format';
import { ProjectModelAccessEditor } from './ProjectModelAccessEditor';

const ProjectModelsQuery = graphql(`
  query ProjectModels($projectId: ID!) {
    availableModels(projectId: $projectId) {
      id
      name
      inputPricePerMillion
      cachedInputPricePerMillion
      outputPricePerMillion
      contextWindow
    }
    project(id: $projectId) {
      id
      modelAccess {
        models
        groups
      }
    }
  }
`);

/** What the project may call, and for configurers the narrowing of the organization's grant. */
export function ProjectModels({ projectId, organizationId, canConfigure }: { projectId: string; organizationId: string; canConfigure: boolean }) {
  const [{ data, error }, refetch] = useQuery({ query: ProjectModelsQuery, variables: { projectId } });
  if (error) return <ErrorMessage error={error} />;
  if (!data) return null;
  const access = data.project.modelAccess;
  return (
    <Card
      title="Models"
      description={access ? `Narrowed to models ${listOf(access.models)} and groups ${listOf(access.groups)}.` : "Inherits all of the organization's models."}
    >
      <Table
        label="Available models"
        columns={['Model', 'Input per million', 'Cached input per million', 'Output per million', 'Context window']}
        empty={{ title: 'No models available', hint: 'The operator grants the organization models; the project may narrow them.' }}
      >
        {data.availableModels.map((m) => (
          <tr key={m.id}>
            <td>{m.name}</td>
            <td>${m.inputPricePerMillion}</td>
            <td>{m.cachedInputPricePerMillion == null ? 'as input' : `$${m.cachedInputPricePerMillion}`}</td>
            <td>${m.outputPricePerMillion}</td>
            <td>{m.contextWindow.toLocaleString()}</td>
          </tr>
        ))}
      </Table>
      {canConfigure && (
        <ProjectModelAccessEditor
          projectId={projectId}
          organizationId={organizationId}
          current={access ?? null}
          onSaved={() => refetch({ requestPolicy: 'network-only' })}
        />
      )}
    </Card>
  );
}

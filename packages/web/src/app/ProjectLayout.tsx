import type { ResultOf } from '@graphql-typed-document-node/core';
import { Outlet, useOutletContext, useParams } from 'react-router';
import { useQuery } from 'urql';
import { ErrorMessage, Loading, PageHeader, StatusBadge, Tabs } from '../components';
import { graphql } from '../gql';

const ProjectHeader = graphql(`
  query ProjectHeader($id: ID!) {
    project(id: $id) {
      id
      name
      status
      environment
      organizationId
      ...ProjectPermissions
    }
  }
`);

export type LayoutProject = ResultOf<typeof ProjectHeader>['project'];

/** Every page of a project: its name and status, its sections, and the project (with the viewer's permissions) for the page below. */
export function ProjectLayout() {
  const { orgId, projectId } = useParams();
  const [{ data, error }] = useQuery({ query: ProjectHeader, variables: { id: projectId! } });
  if (error)
    return (
      <main>
        <ErrorMessage error={error} />
      </main>
    );
  if (!data)
    return (
      <main>
        <Loading />
      </main>
    );
  const { project } = data;
  const base = `/orgs/${orgId}/projects/${project.id}`;
  return (
    <main>
      <PageHeader
        title={project.name}
        back={{ to: `/orgs/${orgId}`, label: 'Projects' }}
        aside={
          <>
            <StatusBadge status={project.status} />
            <StatusBadge status={project.environment} />
          </>
        }
      />
      <Tabs
        label="Project"
        tabs={[
          { to: base, label: 'Overview', end: true },
          { to: `${base}/usage`, label: 'Usage' },
          { to: `${base}/keys`, label: 'API keys' },
          { to: `${base}/requests`, label: 'Requests' },
          { to: `${base}/quota`, label: 'Quota' },
          { to: `${base}/alerts`, label: 'Alerts' },
        ]}
      />
      <Outlet context={project satisfies LayoutProject} />
    </main>
  );
}

/** The project of the page's layout: id, name, status, and the ref useCan reads. */
export const useProject = () => useOutletContext<LayoutProject>();

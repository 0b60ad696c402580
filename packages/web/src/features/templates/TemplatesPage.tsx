import { useQuery } from 'urql';
import { useOrganization } from '../../app/OrganizationLayout';
import { Card, ErrorMessage, Loading } from '../../components';
import { graphql } from '../../gql';
import { useCan } from '../../permissions/useCan';
import { CreateProjectFromTemplate } from './CreateProjectFromTemplate';
import { CreateTemplateForm } from './CreateTemplateForm';
import { TemplateTable } from './TemplateTable';

const OrganizationTemplates = graphql(`
  query OrganizationTemplates($organizationId: ID!) {
    projectTemplates(organizationId: $organizationId) {
      id
      name
      ...TemplateRow
    }
  }
`);

/** Built-in, public and the organization's own templates; project managers create templates and projects from them. */
export function TemplatesPage() {
  const organization = useOrganization();
  const can = useCan(organization);
  const [{ data, error }, refetch] = useQuery({ query: OrganizationTemplates, variables: { organizationId: organization.id } });
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <>
      <Card title="Project templates" description="A template gives a new project its quota, model access and service-account keys.">
        <TemplateTable templates={data.projectTemplates} />
      </Card>
      {can('PROJECTS_MANAGE') && <CreateProjectFromTemplate organizationId={organization.id} templates={data.projectTemplates} onCreated={reload} />}
      {can('PROJECTS_MANAGE') && <CreateTemplateForm organizationId={organization.id} onCreated={reload} />}
    </>
  );
}

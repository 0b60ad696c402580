import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { ErrorMessage } from '../../components/ErrorMessage';
import { OrganizationTabs } from '../../components/OrganizationTabs';
import { graphql } from '../../gql';
import { CreateProjectFromTemplate } from './CreateProjectFromTemplate';
import { CreateTemplateForm } from './CreateTemplateForm';
import { TemplateTable } from './TemplateTable';

const OrganizationTemplates = graphql(`
  query OrganizationTemplates($organizationId: ID!) {
    organization(id: $organizationId) { id displayName viewer { permissions } }
    projectTemplates(organizationId: $organizationId) {
      id name description category tags isSystem isPublic usageCount organizationId
      config {
        quota { dailyRequestLimit dailyTokenLimit monthlyRequestLimit monthlyTokenLimit requestsPerMinuteLimit tokensPerMinuteLimit dailyBudget monthlyBudget enforceQuota customResetDay }
        access { models groups }
        apiKeyNames
      }
    }
  }
`);

/** Built-in, public and the organization's own templates; managers create templates and projects from them. */
export function TemplatesPage() {
  const { orgId } = useParams();
  const [{ data, error }, refetch] = useQuery({ query: OrganizationTemplates, variables: { organizationId: orgId! } });
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <p>Loading…</p>;
  const mayManage = data.organization.viewer?.permissions.includes('organization.projects.manage') ?? false;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <main>
      <h1>{data.organization.displayName}</h1>
      <OrganizationTabs organizationId={orgId!} />
      <h2>Project templates</h2>
      <TemplateTable templates={data.projectTemplates} />
      {mayManage && <CreateProjectFromTemplate organizationId={orgId!} templates={data.projectTemplates} onCreated={reload} />}
      {mayManage && <CreateTemplateForm organizationId={orgId!} onCreated={reload} />}
    </main>
  );
}

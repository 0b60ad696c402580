import { useState } from 'react';
import { useQuery } from 'urql';
import { useProject } from '../../app/ProjectLayout';
import { Card, ErrorMessage, Loading } from '../../components';
import { graphql } from '../../gql';
import { useCan } from '../../permissions/useCan';
import { AlertHistory } from './AlertHistory';
import { ConsumptionAlertsForm } from './ConsumptionAlertsForm';
import { QuotaAlertsForm } from './QuotaAlertsForm';

const ProjectAlertsDetails = graphql(`
  query ProjectAlertsDetails($projectId: ID!) {
    consumptionAlerts(projectId: $projectId) {
      projectId
      ...ConsumptionAlertsForm
    }
    quotaAlerts(projectId: $projectId) {
      projectId
      ...QuotaAlertsForm
    }
  }
`);
const WebhookEndpointChoices = graphql(`
  query WebhookEndpointChoices($projectId: ID!) {
    webhookEndpointChoices(projectId: $projectId) {
      id
      description
      host
      disabled
    }
  }
`);

/** The project's spend and quota alerts (editable by its owners and the organization's admins) and what fired. */
export function ProjectAlertsPage() {
  const project = useProject();
  const can = useCan(project);
  const editable = can('CONFIGURE');
  const [{ data, error }] = useQuery({ query: ProjectAlertsDetails, variables: { projectId: project.id } });
  const [{ data: choices }] = useQuery({ query: WebhookEndpointChoices, variables: { projectId: project.id }, pause: !editable });
  const [changes, setChanges] = useState(0);
  const changed = () => setChanges((n) => n + 1);
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;
  const endpoints = editable ? (choices?.webhookEndpointChoices ?? []) : null;
  return (
    <>
      <Card
        title="Consumption alerts"
        label="Consumption alerts"
        description="An alert when the project's spend in a natural day or month reaches an amount, to the organization's admins and the project's owners."
      >
        <ConsumptionAlertsForm
          organizationId={project.organizationId}
          settings={data.consumptionAlerts}
          endpoints={endpoints}
          editable={editable}
          onSaved={changed}
        />
      </Card>
      <Card title="Quota alerts" label="Quota alerts" description="An alert when one of the project's day or month limits reaches a share of itself.">
        <QuotaAlertsForm settings={data.quotaAlerts} endpoints={endpoints} editable={editable} onSaved={changed} />
      </Card>
      <AlertHistory organizationId={project.organizationId} projectId={project.id} refresh={changes} />
    </>
  );
}

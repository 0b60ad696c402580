import { useState } from 'react';
import { useQuery } from 'urql';
import { useOrganization } from '../../app/OrganizationLayout';
import { Card, ErrorMessage, Loading } from '../../components';
import { graphql, useFragment as readFragment, type FragmentType } from '../../gql';
import { useCan } from '../../permissions/useCan';
import { AlertHistory } from './AlertHistory';
import { BalanceAlertsForm } from './BalanceAlertsForm';
import { QuotaAlertsForm } from './QuotaAlertsForm';
import { WebhookEndpointRowFields, WebhookEndpoints } from './WebhookEndpoints';

const BalanceAlertsDetails = graphql(`
  query BalanceAlertsDetails($organizationId: ID!) {
    balanceAlerts(organizationId: $organizationId) {
      organizationId
      ...BalanceAlertsForm
    }
    webhookEndpoints(organizationId: $organizationId) {
      id
      ...WebhookEndpointRow
    }
  }
`);
const OrganizationQuotaAlertsDetails = graphql(`
  query OrganizationQuotaAlertsDetails($organizationId: ID!) {
    organizationQuotaAlerts(organizationId: $organizationId) {
      organizationId
      ...QuotaAlertsForm
    }
  }
`);

/**
 * The organization's alerts: the wallet's balance alerts and the webhook
 * endpoints (admins and FINANCE members), alerts on the organization's own
 * limits (editable with CONFIGURE), and the history of what fired.
 */
export function OrganizationAlertsPage() {
  const organization = useOrganization();
  const can = useCan(organization);
  // Bumped after a save or a test send: the history reads again.
  const [changes, setChanges] = useState(0);
  const changed = () => setChanges((n) => n + 1);
  return (
    <>
      {can('ALERTS_MANAGE') && <BalanceAndEndpoints organizationId={organization.id} onChanged={changed} />}
      <OrganizationQuotaAlerts organizationId={organization.id} editable={can('CONFIGURE')} mayListEndpoints={can('ALERTS_MANAGE')} onChanged={changed} />
      <AlertHistory organizationId={organization.id} refresh={changes} />
    </>
  );
}

function BalanceAndEndpoints({ organizationId, onChanged }: { organizationId: string; onChanged: () => void }) {
  const [{ data, error }, refetch] = useQuery({ query: BalanceAlertsDetails, variables: { organizationId } });
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <>
      <Card
        title="Balance alerts"
        label="Balance alerts"
        description="An alert each time the wallet balance falls below a threshold, to the organization's admins and FINANCE members; again after it rises above it."
      >
        <BalanceAlertsForm settings={data.balanceAlerts} endpoints={data.webhookEndpoints.map(endpointOption)} onSaved={onChanged} />
      </Card>
      <WebhookEndpoints
        organizationId={organizationId}
        endpoints={data.webhookEndpoints}
        onChanged={() => {
          reload();
          onChanged();
        }}
      />
    </>
  );
}

/** An endpoint as a settings form offers it. */
function endpointOption(ref: FragmentType<typeof WebhookEndpointRowFields>) {
  const e = readFragment(WebhookEndpointRowFields, ref);
  return { id: e.id, description: e.description, host: new URL(e.url).host, disabled: e.disabledAt !== null };
}

function OrganizationQuotaAlerts({
  organizationId,
  editable,
  mayListEndpoints,
  onChanged,
}: {
  organizationId: string;
  editable: boolean;
  mayListEndpoints: boolean;
  onChanged: () => void;
}) {
  const [{ data, error }] = useQuery({ query: OrganizationQuotaAlertsDetails, variables: { organizationId } });
  const [{ data: endpoints }] = useQuery({ query: BalanceAlertsDetails, variables: { organizationId }, pause: !mayListEndpoints });
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;
  return (
    <Card
      title="Organization limit alerts"
      label="Organization limit alerts"
      description="An alert when the organization's day or month limits (requests, tokens, budgets) reach a share, to its admins."
    >
      <QuotaAlertsForm
        settings={data.organizationQuotaAlerts}
        endpoints={mayListEndpoints ? (endpoints?.webhookEndpoints.map(endpointOption) ?? []) : null}
        editable={editable}
        onSaved={onChanged}
      />
    </Card>
  );
}

import { useMutation } from 'urql';
import { Button, useToastResult } from '../../components';
import { graphql } from '../../gql';
import type { AlertKind } from '../../gql/graphql';

const SendTestAlertMutation = graphql(`
  mutation SendTestAlert($organizationId: ID!, $projectId: ID, $kind: AlertKind!) {
    sendTestAlert(organizationId: $organizationId, projectId: $projectId, kind: $kind) {
      id
      deliveries {
        id
      }
    }
  }
`);

/** Sends a test of a kind of alerts through their channels now; the history shows it (and its deliveries) as a test. */
export function SendTestAlert({
  organizationId,
  projectId = null,
  kind,
  onSent,
}: {
  organizationId: string;
  projectId?: string | null;
  kind: AlertKind;
  onSent?: () => void;
}) {
  const [sent, send] = useMutation(SendTestAlertMutation);
  const toastResult = useToastResult();
  const run = async () => {
    const result = await toastResult(send({ organizationId, projectId, kind }), 'Test alert sent');
    if (result.data) onSent?.();
  };
  return (
    <Button variant="secondary" disabled={sent.fetching} onClick={run}>
      Send test
    </Button>
  );
}

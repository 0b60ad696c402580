import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import {
  ActionsCell,
  Badge,
  Button,
  Card,
  ConfirmDialog,
  ErrorMessage,
  Field,
  fieldErrors,
  hasErrors,
  SecretOnce,
  Table,
  useToastResult,
  type Errors,
} from '../../components';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { formatDate } from '../../lib/format';

export const WebhookEndpointRowFields = graphql(`
  fragment WebhookEndpointRow on WebhookEndpoint {
    id
    url
    description
    customHeaders {
      name
      value
    }
    createdAt
    previousSecretExpiresAt
    failingSince
    disabledAt
  }
`);
const CreateWebhookEndpoint = graphql(`
  mutation CreateWebhookEndpoint($organizationId: ID!, $input: WebhookEndpointInput!) {
    createWebhookEndpoint(organizationId: $organizationId, input: $input) {
      secret
      endpoint {
        id
        ...WebhookEndpointRow
      }
    }
  }
`);
const RotateWebhookSecret = graphql(`
  mutation RotateWebhookSecret($organizationId: ID!, $id: ID!) {
    rotateWebhookSecret(organizationId: $organizationId, id: $id) {
      secret
      endpoint {
        id
        ...WebhookEndpointRow
      }
    }
  }
`);
const DisableWebhookEndpoint = graphql(`
  mutation DisableWebhookEndpoint($organizationId: ID!, $id: ID!) {
    disableWebhookEndpoint(organizationId: $organizationId, id: $id) {
      id
      ...WebhookEndpointRow
    }
  }
`);
const EnableWebhookEndpoint = graphql(`
  mutation EnableWebhookEndpoint($organizationId: ID!, $id: ID!) {
    enableWebhookEndpoint(organizationId: $organizationId, id: $id) {
      id
      ...WebhookEndpointRow
    }
  }
`);
const DeleteWebhookEndpoint = graphql(`
  mutation DeleteWebhookEndpoint($organizationId: ID!, $id: ID!) {
    deleteWebhookEndpoint(organizationId: $organizationId, id: $id)
  }
`);

interface Props {
  organizationId: string;
  endpoints: ReadonlyArray<FragmentType<typeof WebhookEndpointRowFields> & { id: string }>;
  onChanged: () => void;
}

/** Where alerts are POSTed: the list with its actions, a new one, and a secret shown once after creating or rotating. */
export function WebhookEndpoints({ organizationId, endpoints, onChanged }: Props) {
  // The secret lives only in this state: leaving or reloading the page forgets it.
  const [secret, setSecret] = useState<{ endpoint: string; value: string } | null>(null);
  const minted = (endpoint: string, value: string) => {
    setSecret({ endpoint, value });
    onChanged();
  };
  return (
    <Card
      title="Webhook endpoints"
      label="Webhook endpoints"
      description="Alerts are POSTed as JSON, signed with Standard Webhooks headers (webhook-id, webhook-timestamp, webhook-signature). Only public addresses receive them."
    >
      {secret && (
        <SecretOnce
          label="Webhook signing secret"
          secret={secret.value}
          lead={`Signing secret of ${secret.endpoint}; copy it now, it will not be shown again:`}
        />
      )}
      <Table
        label="Webhook endpoints"
        columns={['Description', 'URL', 'Headers', 'Status', 'Created', '']}
        empty={{ title: 'No endpoints yet', hint: 'Add one below, then choose it in the alert settings.' }}
      >
        {endpoints.map((e) => (
          <EndpointRow key={e.id} organizationId={organizationId} endpoint={e} onChanged={onChanged} onRotated={minted} />
        ))}
      </Table>
      <CreateEndpoint organizationId={organizationId} onCreated={minted} />
    </Card>
  );
}

function EndpointRow({
  organizationId,
  endpoint: ref,
  onChanged,
  onRotated,
}: {
  organizationId: string;
  endpoint: FragmentType<typeof WebhookEndpointRowFields>;
  onChanged: () => void;
  onRotated: (endpoint: string, secret: string) => void;
}) {
  const e = useFragment(WebhookEndpointRowFields, ref);
  const [, rotate] = useMutation(RotateWebhookSecret);
  const [, disable] = useMutation(DisableWebhookEndpoint);
  const [, enable] = useMutation(EnableWebhookEndpoint);
  const [, remove] = useMutation(DeleteWebhookEndpoint);
  const toastResult = useToastResult();
  const name = e.description || new URL(e.url).host;
  const status = e.disabledAt ? (
    <Badge tone="warning">DISABLED</Badge>
  ) : e.failingSince ? (
    <Badge tone="danger" title={`Every delivery has failed since ${formatDate(e.failingSince)}`}>
      FAILING
    </Badge>
  ) : (
    <Badge tone="success">ACTIVE</Badge>
  );
  return (
    <tr>
      <td>{name}</td>
      <td>
        <code>{e.url}</code>
      </td>
      <td>{e.customHeaders.map((h) => `${h.name}: ${h.value}`).join(', ') || '—'}</td>
      <td>
        {status}
        {e.previousSecretExpiresAt && (
          <Badge tone="info" title="The previous secret signs too until then">
            rotating until {formatDate(e.previousSecretExpiresAt)}
          </Badge>
        )}
      </td>
      <td>{formatDate(e.createdAt)}</td>
      <ActionsCell>
        <ConfirmDialog
          title={`Rotate the secret of ${name}?`}
          description="A new secret is shown once. The current one keeps signing beside it for 24 hours, so the receiver can switch."
          trigger={
            <Button variant="secondary" size="small">
              Rotate secret
            </Button>
          }
          confirm="Rotate secret"
          tone="primary"
          onConfirm={async () => {
            const result = await toastResult(rotate({ organizationId, id: e.id }), 'Secret rotated');
            if (result.data) onRotated(name, result.data.rotateWebhookSecret.secret);
            return !result.error;
          }}
        />
        {e.disabledAt ? (
          <Button
            variant="secondary"
            size="small"
            onClick={async () => {
              if (!(await toastResult(enable({ organizationId, id: e.id }), `${name} enabled`)).error) onChanged();
            }}
          >
            Enable
          </Button>
        ) : (
          <Button
            variant="secondary"
            size="small"
            onClick={async () => {
              if (!(await toastResult(disable({ organizationId, id: e.id }), `${name} disabled`)).error) onChanged();
            }}
          >
            Disable
          </Button>
        )}
        <ConfirmDialog
          title={`Delete ${name}?`}
          description="Alerts that post to it stop doing so; deliveries still waiting for it fail."
          trigger={
            <Button variant="danger" size="small">
              Delete
            </Button>
          }
          confirm="Delete endpoint"
          onConfirm={async () => {
            const result = await toastResult(remove({ organizationId, id: e.id }), `${name} deleted`);
            if (!result.error) onChanged();
            return !result.error;
          }}
        />
      </ActionsCell>
    </tr>
  );
}

interface HeaderRow {
  key: number;
  name: string;
  value: string;
}

/** Where the server's field ("customHeaders[1].name") is in this form. */
const place = (field: string) => (field === 'url' || field === 'description' || field.startsWith('customHeaders[') ? field : null);

function CreateEndpoint({ organizationId, onCreated }: { organizationId: string; onCreated: (endpoint: string, secret: string) => void }) {
  const [created, create] = useMutation(CreateWebhookEndpoint);
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [headers, setHeaders] = useState<HeaderRow[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const setHeader = (key: number, change: Partial<HeaderRow>) => setHeaders(headers.map((h) => (h.key === key ? { ...h, ...change } : h)));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!url.trim()) return setErrors({ url: 'Enter the https:// address to post alerts to.' });
    const result = await create({
      organizationId,
      input: { url: url.trim(), description: description.trim() || null, customHeaders: headers.map(({ name, value }) => ({ name: name.trim(), value })) },
    });
    setErrors(fieldErrors(result.error, place));
    if (!result.data) return;
    onCreated(description.trim() || new URL(url.trim()).host, result.data.createWebhookEndpoint.secret);
    setUrl('');
    setDescription('');
    setHeaders([]);
  };
  return (
    <form aria-label="Add webhook endpoint" noValidate onSubmit={submit}>
      <h3>Add an endpoint</h3>
      <div className="fields">
        <Field label="Endpoint URL" error={errors.url}>
          <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://hooks.example.com/tollgate" />
        </Field>
        <Field label="Endpoint description" error={errors.description}>
          <input value={description} onChange={(e) => setDescription(e.target.value)} placeholder="Ops channel" />
        </Field>
      </div>
      {headers.map((h, i) => (
        <div className="row" key={h.key} role="group" aria-label={`Header ${i + 1}`}>
          <Field label={`Header ${i + 1} name`} error={errors[`customHeaders[${i}].name`]}>
            <input value={h.name} onChange={(e) => setHeader(h.key, { name: e.target.value })} placeholder="X-Alert-Token" />
          </Field>
          <Field label={`Header ${i + 1} value`} error={errors[`customHeaders[${i}].value`]} note="Kept encrypted; never shown again.">
            <input type="password" autoComplete="off" value={h.value} onChange={(e) => setHeader(h.key, { value: e.target.value })} />
          </Field>
          <Button variant="ghost" size="small" onClick={() => setHeaders(headers.filter((x) => x.key !== h.key))}>
            Remove header {i + 1}
          </Button>
        </div>
      ))}
      <div className="actions">
        <Button variant="secondary" onClick={() => setHeaders([...headers, { key: Date.now() + Math.random(), name: '', value: '' }])}>
          Add header
        </Button>
        <Button type="submit" disabled={created.fetching}>
          Create endpoint
        </Button>
      </div>
      {!hasErrors(errors) && <ErrorMessage error={created.error} />}
    </form>
  );
}

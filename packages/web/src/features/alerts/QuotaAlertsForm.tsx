import type { ResultOf } from '@graphql-typed-document-node/core';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Button, ErrorMessage, Field, fieldErrors, hasErrors, splitList, type Errors } from '../../components';
import { graphql, useFragment, useFragment as readFragment, type FragmentType } from '../../gql';
import { AlertChannelsFields, channelField, channelsFormOf, channelsInputOf, checkShares, type EndpointChoice } from './AlertChannelsFields';
import { SendTestAlert } from './SendTestAlert';

export const QuotaAlertsFields = graphql(`
  fragment QuotaAlertsForm on QuotaAlertSettings {
    organizationId
    projectId
    shares
    emailEnabled
    smsEnabled
    webhookEndpointId
    webhookEndpoint {
      id
      description
      host
      disabled
    }
    messageTemplate
    placeholders
  }
`);
const SetProjectQuotaAlerts = graphql(`
  mutation SetQuotaAlerts($projectId: ID!, $input: QuotaAlertsInput!) {
    setQuotaAlerts(projectId: $projectId, input: $input) {
      ...QuotaAlertsForm
    }
  }
`);
const SetOrganizationQuotaAlerts = graphql(`
  mutation SetOrganizationQuotaAlerts($organizationId: ID!, $input: QuotaAlertsInput!) {
    setOrganizationQuotaAlerts(organizationId: $organizationId, input: $input) {
      ...QuotaAlertsForm
    }
  }
`);

type Settings = ResultOf<typeof QuotaAlertsFields>;
const formOf = (s: Settings) => ({ shares: s.shares.join(', '), ...channelsFormOf(s) });
const place = (field: string) => (field.startsWith('shares') ? 'shares' : channelField(field));

interface Props {
  settings: FragmentType<typeof QuotaAlertsFields>;
  /** Null: the viewer may not list the endpoints. */
  endpoints: readonly EndpointChoice[] | null;
  editable: boolean;
  onSaved?: () => void;
}

/** Alerts at shares of the day and month limits: of a project's quota, or (no project) of the organization's own limits. */
export function QuotaAlertsForm({ settings: ref, endpoints, editable, onSaved }: Props) {
  const settings = useFragment(QuotaAlertsFields, ref);
  const [projectSaved, saveProject] = useMutation(SetProjectQuotaAlerts);
  const [organizationSaved, saveOrganization] = useMutation(SetOrganizationQuotaAlerts);
  const saved = settings.projectId ? projectSaved : organizationSaved;
  const [form, setForm] = useState(() => formOf(settings));
  const [errors, setErrors] = useState<Errors>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = checkShares(form.shares);
    setErrors(invalid ? { shares: invalid } : {});
    if (invalid) return;
    const input = { shares: splitList(form.shares).map(Number), ...channelsInputOf(form) };
    const result = settings.projectId
      ? await saveProject({ projectId: settings.projectId, input })
      : await saveOrganization({ organizationId: settings.organizationId, input });
    setErrors(fieldErrors(result.error, place));
    const answer = result.data && ('setQuotaAlerts' in result.data ? result.data.setQuotaAlerts : result.data.setOrganizationQuotaAlerts);
    if (answer) {
      setForm(formOf(readFragment(QuotaAlertsFields, answer)));
      onSaved?.();
    }
  };
  return (
    <form aria-label={settings.projectId ? 'Quota alerts' : 'Organization quota alerts'} noValidate onSubmit={submit}>
      <div className="fields">
        <Field
          label="Quota shares (%)"
          error={errors.shares}
          note="Comma-separated, e.g. 80, 100: an alert when any day or month limit reaches that share, once per period. Blank: none."
        >
          <input value={form.shares} disabled={!editable} onChange={(e) => setForm({ ...form, shares: e.target.value })} placeholder="80, 100" />
        </Field>
      </div>
      <AlertChannelsFields
        label="Quota alert"
        form={form}
        onChange={(channels) => setForm({ ...form, ...channels })}
        errors={errors}
        endpoints={endpoints}
        current={settings.webhookEndpoint}
        placeholders={settings.placeholders}
        disabled={!editable}
      />
      {editable && (
        <div className="actions">
          <Button type="submit" disabled={saved.fetching}>
            Save quota alerts
          </Button>
          <SendTestAlert organizationId={settings.organizationId} projectId={settings.projectId} kind="QUOTA" onSent={onSaved} />
        </div>
      )}
      {saved.data && !saved.fetching && !hasErrors(errors) && <p role="status">Saved.</p>}
      {!hasErrors(errors) && <ErrorMessage error={saved.error} />}
    </form>
  );
}

import type { ResultOf } from '@graphql-typed-document-node/core';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Button, ErrorMessage, Field, fieldErrors, hasErrors, splitList, type Errors } from '../../components';
import { graphql, useFragment, useFragment as readFragment, type FragmentType } from '../../gql';
import { AlertChannelsFields, channelField, channelsFormOf, channelsInputOf, checkAmounts, type EndpointChoice } from './AlertChannelsFields';
import { SendTestAlert } from './SendTestAlert';

export const ConsumptionAlertsFields = graphql(`
  fragment ConsumptionAlertsForm on ConsumptionAlertSettings {
    projectId
    dailyAmounts
    monthlyAmounts
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
const SetConsumptionAlerts = graphql(`
  mutation SetConsumptionAlerts($projectId: ID!, $input: ConsumptionAlertsInput!) {
    setConsumptionAlerts(projectId: $projectId, input: $input) {
      ...ConsumptionAlertsForm
    }
  }
`);

type Settings = ResultOf<typeof ConsumptionAlertsFields>;
const formOf = (s: Settings) => ({ dailyAmounts: s.dailyAmounts.join(', '), monthlyAmounts: s.monthlyAmounts.join(', '), ...channelsFormOf(s) });
const place = (field: string) =>
  field.startsWith('dailyAmounts') ? 'dailyAmounts' : field.startsWith('monthlyAmounts') ? 'monthlyAmounts' : channelField(field);

interface Props {
  organizationId: string;
  settings: FragmentType<typeof ConsumptionAlertsFields>;
  endpoints: readonly EndpointChoice[] | null;
  editable: boolean;
  onSaved?: () => void;
}

/** The project's spend alerts: amounts for its natural day and month (the organization's zone; months from the quota reset day). */
export function ConsumptionAlertsForm({ organizationId, settings: ref, endpoints, editable, onSaved }: Props) {
  const settings = useFragment(ConsumptionAlertsFields, ref);
  const [saved, save] = useMutation(SetConsumptionAlerts);
  const [form, setForm] = useState(() => formOf(settings));
  const [errors, setErrors] = useState<Errors>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {};
    for (const key of ['dailyAmounts', 'monthlyAmounts'] as const) {
      const invalid = checkAmounts(form[key]);
      if (invalid) found[key] = invalid;
    }
    setErrors(found);
    if (hasErrors(found)) return;
    const result = await save({
      projectId: settings.projectId,
      input: { dailyAmounts: splitList(form.dailyAmounts), monthlyAmounts: splitList(form.monthlyAmounts), ...channelsInputOf(form) },
    });
    setErrors(fieldErrors(result.error, place));
    if (result.data) {
      setForm(formOf(readFragment(ConsumptionAlertsFields, result.data.setConsumptionAlerts)));
      onSaved?.();
    }
  };
  return (
    <form aria-label="Consumption alerts" noValidate onSubmit={submit}>
      <div className="fields">
        <Field label="Daily spend alerts (USD)" error={errors.dailyAmounts} note="Comma-separated; an alert when the day's spend reaches each.">
          <input value={form.dailyAmounts} disabled={!editable} onChange={(e) => setForm({ ...form, dailyAmounts: e.target.value })} placeholder="10, 50" />
        </Field>
        <Field label="Monthly spend alerts (USD)" error={errors.monthlyAmounts} note="Comma-separated; the month starts on the quota reset day.">
          <input value={form.monthlyAmounts} disabled={!editable} onChange={(e) => setForm({ ...form, monthlyAmounts: e.target.value })} placeholder="500" />
        </Field>
      </div>
      <AlertChannelsFields
        label="Consumption alert"
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
            Save consumption alerts
          </Button>
          <SendTestAlert organizationId={organizationId} projectId={settings.projectId} kind="CONSUMPTION" onSent={onSaved} />
        </div>
      )}
      {saved.data && !saved.fetching && !hasErrors(errors) && <p role="status">Saved.</p>}
      {!hasErrors(errors) && <ErrorMessage error={saved.error} />}
    </form>
  );
}

import type { ResultOf } from '@graphql-typed-document-node/core';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Button, ErrorMessage, Field, fieldErrors, hasErrors, splitList, type Errors } from '../../components';
import { graphql, useFragment, useFragment as readFragment, type FragmentType } from '../../gql';
import { AlertChannelsFields, channelField, channelsFormOf, channelsInputOf, checkAmounts, type EndpointChoice } from './AlertChannelsFields';
import { SendTestAlert } from './SendTestAlert';

export const BalanceAlertsFields = graphql(`
  fragment BalanceAlertsForm on BalanceAlertSettings {
    organizationId
    thresholds
    emailEnabled
    smsEnabled
    maxDailyAlerts
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
const SetBalanceAlerts = graphql(`
  mutation SetBalanceAlerts($organizationId: ID!, $input: BalanceAlertsInput!) {
    setBalanceAlerts(organizationId: $organizationId, input: $input) {
      ...BalanceAlertsForm
    }
  }
`);

type Settings = ResultOf<typeof BalanceAlertsFields>;

const formOf = (s: Settings) => ({
  thresholds: s.thresholds.join(', '),
  maxDailyAlerts: s.maxDailyAlerts === null || s.maxDailyAlerts === undefined ? '' : String(s.maxDailyAlerts),
  ...channelsFormOf(s),
});

/** Where the server's field ("thresholds[1]") is in this form. */
const place = (field: string) => (field.startsWith('thresholds') ? 'thresholds' : field === 'maxDailyAlerts' ? field : channelField(field));

/** The wallet's balance alerts: thresholds, channels, a daily cap, and a test send. */
export function BalanceAlertsForm({
  settings: ref,
  endpoints,
  onSaved,
}: {
  settings: FragmentType<typeof BalanceAlertsFields>;
  endpoints: readonly EndpointChoice[];
  onSaved?: () => void;
}) {
  const settings = useFragment(BalanceAlertsFields, ref);
  const [saved, save] = useMutation(SetBalanceAlerts);
  const [form, setForm] = useState(() => formOf(settings));
  const [errors, setErrors] = useState<Errors>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {};
    const amounts = checkAmounts(form.thresholds);
    if (amounts) found.thresholds = amounts;
    if (form.maxDailyAlerts.trim() && !/^\d+$/.test(form.maxDailyAlerts.trim()))
      found.maxDailyAlerts = 'Enter a whole number from 1 to 100, or leave it blank.';
    setErrors(found);
    if (hasErrors(found)) return;
    const result = await save({
      organizationId: settings.organizationId,
      input: {
        thresholds: splitList(form.thresholds),
        maxDailyAlerts: form.maxDailyAlerts.trim() ? Number(form.maxDailyAlerts) : null,
        ...channelsInputOf(form),
      },
    });
    setErrors(fieldErrors(result.error, place));
    if (result.data) {
      setForm(formOf(readFragment(BalanceAlertsFields, result.data.setBalanceAlerts)));
      onSaved?.();
    }
  };
  return (
    <form aria-label="Balance alerts" noValidate onSubmit={submit}>
      <div className="fields">
        <Field label="Balance thresholds (USD)" error={errors.thresholds} note="Comma-separated, e.g. 10, 5, 3, 1. Blank: no balance alerts.">
          <input value={form.thresholds} onChange={(e) => setForm({ ...form, thresholds: e.target.value })} placeholder="10, 5, 3, 1" />
        </Field>
        <Field label="Alerts a day at most" error={errors.maxDailyAlerts} note="Further crossings that day are recorded, not sent. Blank: no cap.">
          <input inputMode="numeric" value={form.maxDailyAlerts} onChange={(e) => setForm({ ...form, maxDailyAlerts: e.target.value })} />
        </Field>
      </div>
      <AlertChannelsFields
        label="Balance alert"
        form={form}
        onChange={(channels) => setForm({ ...form, ...channels })}
        errors={errors}
        endpoints={endpoints}
        current={settings.webhookEndpoint}
        placeholders={settings.placeholders}
        disabled={false}
      />
      <div className="actions">
        <Button type="submit" disabled={saved.fetching}>
          Save balance alerts
        </Button>
        <SendTestAlert organizationId={settings.organizationId} kind="BALANCE" onSent={onSaved} />
      </div>
      {saved.data && !saved.fetching && !hasErrors(errors) && <p role="status">Saved.</p>}
      {!hasErrors(errors) && <ErrorMessage error={saved.error} />}
    </form>
  );
}

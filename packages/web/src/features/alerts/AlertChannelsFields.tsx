import { CheckField, Field, checkLimit, splitList, type Errors } from '../../components';

/** An endpoint a rule may post to, as the settings and the choices answer it. */
export interface EndpointChoice {
  id: string;
  description: string;
  host: string;
  disabled?: boolean;
}

/** What every kind of alert settings holds besides its thresholds, as the form keeps it. */
export interface ChannelsForm {
  emailEnabled: boolean;
  smsEnabled: boolean;
  webhookEndpointId: string;
  messageTemplate: string;
}

export const channelsFormOf = (s: {
  emailEnabled: boolean;
  smsEnabled: boolean;
  webhookEndpointId?: string | null;
  messageTemplate?: string | null;
}): ChannelsForm => ({
  emailEnabled: s.emailEnabled,
  smsEnabled: s.smsEnabled,
  webhookEndpointId: s.webhookEndpointId ?? '',
  messageTemplate: s.messageTemplate ?? '',
});

export const channelsInputOf = (form: ChannelsForm) => ({
  emailEnabled: form.emailEnabled,
  smsEnabled: form.smsEnabled,
  webhookEndpointId: form.webhookEndpointId || null,
  messageTemplate: form.messageTemplate.trim() || null,
});

/** The server's field of a channels error, as these fields are named; null for others. */
export const channelField = (field: string) => (['webhookEndpointId', 'messageTemplate', 'emailEnabled', 'smsEnabled'].includes(field) ? field : null);

/** "10, 5, 3" → its amounts, and why it is not acceptable (at most 10 amounts above 0), or null. */
export function checkAmounts(text: string): string | null {
  const amounts = splitList(text);
  if (amounts.length > 10) return 'Enter at most 10 amounts.';
  const bad = amounts.find((a) => checkLimit('money', a) !== null);
  return bad ? `${bad} is not an amount above 0 such as 12.50.` : null;
}

/** "80, 100" → why the shares are not acceptable (at most 10 whole percents from 1 to 1000), or null. */
export function checkShares(text: string): string | null {
  const shares = splitList(text);
  if (shares.length > 10) return 'Enter at most 10 shares.';
  const bad = shares.find((s) => !/^\d+$/.test(s) || Number(s) < 1 || Number(s) > 1000);
  return bad ? `${bad} is not a whole percent from 1 to 1000.` : null;
}

interface Props {
  /** Prefixes the labels, so several forms on a page stay apart ("Balance alert email"). */
  label: string;
  form: ChannelsForm;
  onChange: (form: ChannelsForm) => void;
  errors: Errors;
  /** The endpoints to choose from; null: the viewer may not list them (the current one is still shown). */
  endpoints: readonly EndpointChoice[] | null;
  current: EndpointChoice | null | undefined;
  placeholders: readonly string[];
  disabled: boolean;
}

/** Email, SMS, a webhook endpoint and the message, shared by every kind of alert settings. */
export function AlertChannelsFields({ label, form, onChange, errors, endpoints, current, placeholders, disabled }: Props) {
  const options = [...(endpoints ?? [])];
  if (current && !options.some((e) => e.id === current.id)) options.push(current);
  return (
    <>
      <div className="fields">
        <CheckField
          label={`${label}: email`}
          checked={form.emailEnabled}
          disabled={disabled}
          onChange={(emailEnabled) => onChange({ ...form, emailEnabled })}
        />
        <CheckField
          label={`${label}: SMS to verified numbers`}
          checked={form.smsEnabled}
          disabled={disabled}
          onChange={(smsEnabled) => onChange({ ...form, smsEnabled })}
        />
        <Field
          label={`${label} webhook`}
          error={errors.webhookEndpointId}
          note={endpoints === null ? 'Endpoints are managed by admins and FINANCE members.' : undefined}
        >
          <select value={form.webhookEndpointId} disabled={disabled} onChange={(e) => onChange({ ...form, webhookEndpointId: e.target.value })}>
            <option value="">No webhook</option>
            {options.map((e) => (
              <option key={e.id} value={e.id}>
                {e.description || e.host} ({e.host}){e.disabled ? ' — disabled' : ''}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field
        label={`${label} message`}
        error={errors.messageTemplate}
        note={`Blank: the default message. Placeholders: ${placeholders.map((p) => `{${p}}`).join(', ')}. At most 2 KiB.`}
      >
        <textarea rows={2} value={form.messageTemplate} disabled={disabled} onChange={(e) => onChange({ ...form, messageTemplate: e.target.value })} />
      </Field>
    </>
  );
}

import { CheckField, checkResetDay, type Errors } from '../../components';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { formatLimit, formOf, inputOf, QUOTA_LIMITS, validate, type LimitSpec } from './fields';
import { LimitInput } from './LimitInput';

/** Every value of a project quota, as the forms, summaries and templates read it. */
export const QuotaValues = graphql(`
  fragment QuotaValues on ProjectQuota {
    dailyRequestLimit
    dailyTokenLimit
    monthlyRequestLimit
    monthlyTokenLimit
    requestsPerMinuteLimit
    tokensPerMinuteLimit
    dailyBudget
    monthlyBudget
    enforceQuota
    customResetDay
  }
`);
export type QuotaRef = FragmentType<typeof QuotaValues>;

type QuotaKey = (typeof QUOTA_LIMITS)[number]['key'];
/** A ProjectQuota as the API returns it. */
export type Quota = Partial<Record<QuotaKey, number | string | null>> & { enforceQuota: boolean; customResetDay: number };
export type QuotaForm = Record<QuotaKey, string> & { enforceQuota: boolean; customResetDay: string };

export const QUOTA_FIELDS = new Set<string>([...QUOTA_LIMITS.map((f) => f.key), 'enforceQuota', 'customResetDay']);
export const EMPTY_QUOTA: Quota = { enforceQuota: true, customResetDay: 1 };

export const quotaForm = (quota: Quota): QuotaForm => ({
  ...formOf(QUOTA_LIMITS, quota),
  enforceQuota: quota.enforceQuota,
  customResetDay: String(quota.customResetDay),
});
export const quotaInput = (form: QuotaForm) => ({
  ...inputOf(QUOTA_LIMITS, form),
  enforceQuota: form.enforceQuota,
  customResetDay: Number(form.customResetDay),
});

export function validateQuota(form: QuotaForm): Errors {
  const errors = validate(QUOTA_LIMITS, form);
  const day = checkResetDay(form.customResetDay);
  return day ? { ...errors, customResetDay: day } : errors;
}

/** "500 requests/day, $2.50/day, resets on day 10", or "No limits". */
export function quotaSummary(quota: Quota): string {
  const parts = QUOTA_LIMITS.filter((f) => quota[f.key] != null).map((f) => `${formatLimit(f.kind, quota[f.key])}${f.unit}`);
  if (!quota.enforceQuota) parts.push('tracked, not enforced');
  if (quota.customResetDay !== 1) parts.push(`resets on day ${quota.customResetDay}`);
  return parts.join(', ') || 'No limits';
}

/** A template's or project's quota in one line. */
export function QuotaSummary({ quota }: { quota: QuotaRef }) {
  return <>{quotaSummary(useFragment(QuotaValues, quota))}</>;
}

interface Props {
  form: QuotaForm;
  onChange: (form: QuotaForm) => void;
  errors: Errors;
  disabled?: boolean;
  /** The saved quota beside the enforced one, to show what binds. */
  settings?: { quota: Quota; effective: Quota };
}

/** Every field of a project quota: the limits, the monthly reset day and whether it is enforced. */
export function QuotaFields({ form, onChange, errors, disabled, settings }: Props) {
  return (
    <div className="fields">
      {QUOTA_LIMITS.map((f) => (
        <LimitInput
          key={f.key}
          label={f.label}
          kind={f.kind}
          value={form[f.key]}
          error={errors[f.key]}
          disabled={disabled}
          note={settings && <Effective spec={f} asked={settings.quota[f.key]} effective={settings.effective[f.key]} />}
          onChange={(value) => onChange({ ...form, [f.key]: value })}
        />
      ))}
      <LimitInput
        label="Monthly reset day"
        kind="day"
        value={form.customResetDay}
        error={errors.customResetDay}
        disabled={disabled}
        note="1 to 28, at 00:00 UTC"
        onChange={(customResetDay) => onChange({ ...form, customResetDay })}
      />
      <CheckField
        label="Enforce quota (off: usage is tracked, never refused)"
        checked={form.enforceQuota}
        disabled={disabled}
        onChange={(enforceQuota) => onChange({ ...form, enforceQuota })}
      />
    </div>
  );
}

/** The enforced value, marked when the organization's limit binds instead of the project's. */
function Effective({ spec, asked, effective }: { spec: LimitSpec; asked: number | string | null | undefined; effective: number | string | null | undefined }) {
  if ((asked ?? null) === (effective ?? null)) return <>Effective: {formatLimit(spec.kind, effective)}</>;
  return <span className="clamped">Enforced at {formatLimit(spec.kind, effective)} by the organization</span>;
}

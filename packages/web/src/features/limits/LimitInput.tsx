import { useId, type ReactNode } from 'react';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  kind: 'count' | 'money' | 'day';
  /** Shown under the input, e.g. the value the organization's limits enforce. */
  note?: ReactNode;
  error?: string;
  disabled?: boolean;
}

/** A text input for a limit (blank: no limit) with its note and its error beside it. */
export function LimitInput({ label, value, onChange, kind, note, error, disabled }: Props) {
  const id = useId();
  const described = [note && `${id}-note`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id} value={value} disabled={disabled} inputMode={kind === 'money' ? 'decimal' : 'numeric'}
        placeholder={kind === 'day' ? '1' : kind === 'money' ? 'No limit, e.g. 10.00' : 'No limit'}
        aria-invalid={error ? true : undefined} aria-describedby={described || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {note && <small id={`${id}-note`}>{note}</small>}
      {error && <small id={`${id}-error`} className="error">{error}</small>}
    </div>
  );
}

import type { ReactNode } from 'react';
import { Field } from '../../components';

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
  return (
    <Field label={label} note={note} error={error}>
      <input
        value={value}
        disabled={disabled}
        inputMode={kind === 'money' ? 'decimal' : 'numeric'}
        placeholder={kind === 'day' ? '1' : kind === 'money' ? 'No limit, e.g. 10.00' : 'No limit'}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

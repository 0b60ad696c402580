import { cloneElement, useId, type HTMLAttributes, type ReactElement, type ReactNode } from 'react';

interface FieldProps {
  label: string;
  /** Shown under the control, e.g. what a blank value means or what is enforced. */
  note?: ReactNode;
  /** Why the value is refused, shown under the control and marking it invalid. */
  error?: string;
  /** One control (input, select, textarea); it gets the id, aria-invalid and aria-describedby. */
  children: ReactElement<HTMLAttributes<HTMLElement>>;
}

/** A labelled control with its note and its error under it: every form's text, number, date and select fields. */
export function Field({ label, note, error, children }: FieldProps) {
  const id = useId();
  const described = [note && `${id}-note`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described || undefined })}
      {note && <small id={`${id}-note`}>{note}</small>}
      {error && (
        <small id={`${id}-error`} className="error">
          {error}
        </small>
      )}
    </div>
  );
}

interface CheckFieldProps {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}

/** A checkbox with its label after it. */
export function CheckField({ label, checked, onChange, disabled }: CheckFieldProps) {
  return (
    <label className="check">
      <input type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

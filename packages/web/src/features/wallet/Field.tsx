import { cloneElement, useId, type HTMLAttributes, type ReactElement, type ReactNode } from 'react';

/** A labelled control with its note and its error under it. */
export function Field({ label, note, error, children }: { label: string; note?: ReactNode; error?: string; children: ReactElement<HTMLAttributes<HTMLElement>> }) {
  const id = useId();
  const described = [note && `${id}-note`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described || undefined })}
      {note && <small id={`${id}-note`}>{note}</small>}
      {error && <small id={`${id}-error`} className="error">{error}</small>}
    </div>
  );
}

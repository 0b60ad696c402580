import type { ReactNode } from 'react';
import { CopyButton } from './CopyButton';

/** Something the user must act on now (copy a secret, mind a limit). */
export function Notice({ children, label }: { children: ReactNode; label?: string }) {
  return (
    <div className="notice" aria-label={label}>
      {children}
    </div>
  );
}

/** A secret the server returns once: shown with a copy button until the page is left or reloaded. */
export function SecretOnce({ label, secret, lead = 'Copy it now; it will not be shown again:' }: { label: string; secret: string; lead?: string }) {
  return (
    <p className="row notice">
      <span>{lead}</span>
      <code aria-label={label}>{secret}</code>
      <CopyButton value={secret} />
    </p>
  );
}

import { CopyButton } from './CopyButton';

/** A secret the server returns once: shown with a copy button until the page is left or reloaded. */
export function SecretOnce({ label, secret }: { label: string; secret: string }) {
  return (
    <p className="row notice">
      <span>Copy it now; it will not be shown again:</span>
      <code aria-label={label}>{secret}</code>
      <CopyButton value={secret} />
    </p>
  );
}

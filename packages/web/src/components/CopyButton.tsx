import { useState } from 'react';
import { Button } from './Button';

/** Copies a value (a secret or a link shown once) to the clipboard. */
export function CopyButton({ value, label = 'Copy' }: { value: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(value).catch(() => undefined);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <Button variant="secondary" size="small" onClick={copy}>
      {copied ? 'Copied' : label}
    </Button>
  );
}

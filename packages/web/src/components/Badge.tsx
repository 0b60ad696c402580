import type { ReactNode } from 'react';

export type Tone = 'neutral' | 'success' | 'warning' | 'danger' | 'info';

/** A short status or label. */
export function Badge({ tone = 'neutral', title, children }: { tone?: Tone; title?: string; children: ReactNode }) {
  return (
    <span className={tone === 'neutral' ? 'badge' : `badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}

const TONES: Record<string, Tone> = {
  ACTIVE: 'success',
  APPROVED: 'success',
  SENT: 'success',
  SUCCESS: 'success',
  INVITED: 'success',
  ACCEPTED: 'success',
  COMPLETED: 'success',
  PENDING: 'info',
  PREVIEW: 'info',
  EXPIRED: 'warning',
  EXHAUSTED: 'warning',
  DISABLED: 'warning',
  ARCHIVED: 'warning',
  SUSPENDED: 'warning',
  ESTIMATED: 'warning',
  REVOKED: 'danger',
  REJECTED: 'danger',
  FAILED: 'danger',
};

/** A status the API answers (ACTIVE, REVOKED, PENDING…), coloured by what it means. */
export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={TONES[status] ?? 'neutral'}>{status}</Badge>;
}

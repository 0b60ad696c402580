import type { ReactNode } from 'react';

/** What a list shows when it has nothing: what is missing, and what to do about it. */
export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty">
      <strong>{title}</strong>
      {children && <p>{children}</p>}
      {action && (
        <div className="row" style={{ justifyContent: 'center' }}>
          {action}
        </div>
      )}
    </div>
  );
}

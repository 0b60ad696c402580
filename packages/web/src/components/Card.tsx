import type { ReactNode } from 'react';

interface Props {
  /** The card's heading (an h2). */
  title?: ReactNode;
  /** Makes the card a landmark region of this name (for what a page's reader jumps to, like a live usage panel). */
  label?: string;
  description?: ReactNode;
  /** Controls beside the title. */
  actions?: ReactNode;
  children?: ReactNode;
}

/** A surface holding one section of a page. */
export function Card({ title, label, description, actions, children }: Props) {
  return (
    <section className="card" aria-label={label}>
      {(title || actions) && (
        <div className="card-head">
          {title && <h2>{title}</h2>}
          {actions && <div className="actions">{actions}</div>}
        </div>
      )}
      {description && <p className="card-description">{description}</p>}
      {children}
    </section>
  );
}

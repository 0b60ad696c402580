import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface Props {
  title: ReactNode;
  /** Where "back" goes, and what it is called ("Projects", the project's name). */
  back?: { to: string; label: string };
  /** Beside the title: badges, actions. */
  aside?: ReactNode;
  children?: ReactNode;
}

/** A page's title (the h1), with a way back and what belongs beside it. */
export function PageHeader({ title, back, aside, children }: Props) {
  return (
    <header className="page-header">
      {back && (
        <Link className="back" to={back.to}>
          ← {back.label}
        </Link>
      )}
      <div className="page-header-title">
        <h1>{title}</h1>
        {aside}
      </div>
      {children}
    </header>
  );
}

/** While a page's data is on its way. */
export function Loading() {
  return (
    <p className="loading" aria-busy="true">
      Loading…
    </p>
  );
}

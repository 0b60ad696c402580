import { Fragment, type ReactNode } from 'react';

/** Label–value pairs (a description list); pairs whose value is `false` or `null` are left out. */
export function Facts({ label, items }: { label?: string; items: Array<[string, ReactNode]> }) {
  return (
    <dl className="facts" aria-label={label}>
      {items
        .filter(([, value]) => value !== false && value !== null)
        .map(([term, value]) => (
          <Fragment key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
    </dl>
  );
}

import { Children, type ReactNode } from 'react';
import { EmptyState } from './EmptyState';

interface Props {
  /** The table's accessible name. */
  label: string;
  /** Column headings; an empty string leaves an actions column unnamed. */
  columns: ReactNode[];
  /** Rows (<tr>), or several <tbody> when `bodies` is set. */
  children?: ReactNode;
  /** Shown in place of the rows when there are none. */
  empty?: { title: string; hint?: ReactNode };
  /** The children are <tbody> elements, not rows. */
  bodies?: boolean;
}

/** A data table: headings, rows, and an empty state when there is nothing to list. */
export function Table({ label, columns, children, empty, bodies }: Props) {
  const none = Children.toArray(children).length === 0;
  return (
    <div className="table-wrap">
      <table className="table" aria-label={label}>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i}>{c}</th>
            ))}
          </tr>
        </thead>
        {bodies ? children : <tbody>{children}</tbody>}
        {none && empty && (
          <tbody>
            <tr>
              <td colSpan={columns.length}>
                <EmptyState title={empty.title}>{empty.hint}</EmptyState>
              </td>
            </tr>
          </tbody>
        )}
      </table>
    </div>
  );
}

/** The last cell of a row, holding its actions. */
export function ActionsCell({ children }: { children?: ReactNode }) {
  return (
    <td className="table-actions">
      <span className="actions">{children}</span>
    </td>
  );
}

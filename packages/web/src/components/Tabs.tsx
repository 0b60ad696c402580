import { NavLink } from 'react-router';

export interface Tab {
  to: string;
  label: string;
  /** Active only on exactly this path (the scope's home), not below it. */
  end?: boolean;
}

/** Navigation between the pages of one scope (an organization, a project); the current one is marked. */
export function Tabs({ label, tabs }: { label: string; tabs: Tab[] }) {
  return (
    <nav className="tabs" aria-label={label}>
      {tabs.map((t) => (
        <NavLink key={t.to} end={t.end} to={t.to}>
          {t.label}
        </NavLink>
      ))}
    </nav>
  );
}

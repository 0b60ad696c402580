import { useNavigate, useParams } from 'react-router';

export function OrganizationSwitcher({ organizations }: { organizations: Array<{ id: string; displayName: string }> }) {
  const { orgId } = useParams();
  const navigate = useNavigate();
  return (
    <label className="inline">
      Organization
      <select value={orgId ?? ''} onChange={(e) => navigate(e.target.value ? `/orgs/${e.target.value}` : '/organizations/new')}>
        {!orgId && <option value="">—</option>}
        {organizations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.displayName}
          </option>
        ))}
        <option value="">+ New organization</option>
      </select>
    </label>
  );
}

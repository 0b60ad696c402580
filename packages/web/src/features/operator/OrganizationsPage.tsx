import { useState } from 'react';
import { useQuery } from 'urql';
import { ErrorMessage } from '../../components/ErrorMessage';
import { graphql } from '../../gql';
import { OrganizationGrantEditor } from './OrganizationGrantEditor';

const AllOrganizations = graphql(`
  query AllOrganizations($search: String) {
    allOrganizations(search: $search) {
      id name displayName verificationTier createdAt
      caps { projectsPerOrganization apiKeysPerProject }
      modelAccess { models groups }
      verification { id status }
    }
  }
`);

/** Every organization, for operators: model grants and caps, one editor open at a time. */
export function OrganizationsPage() {
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [{ data, error }, refetch] = useQuery({ query: AllOrganizations, variables: { search: search.trim() || null } });
  const current = data?.allOrganizations.find((o) => o.id === editing);
  return (
    <main>
      <h1>Organizations</h1>
      <p className="row"><label>Search organizations<input type="search" value={search} onChange={(e) => setSearch(e.target.value)} /></label></p>
      <ErrorMessage error={error} />
      <table aria-label="Organizations">
        <thead><tr><th>Name</th><th>Identifier</th><th>Tier</th><th>Verification</th><th>Models</th><th>Groups</th><th>Projects cap</th><th>Keys cap</th><th /></tr></thead>
        <tbody>
          {data?.allOrganizations.map((o) => (
            <tr key={o.id}>
              <td>{o.displayName}</td><td>{o.name}</td><td>{o.verificationTier}</td><td>{o.verification?.status ?? '—'}</td>
              <td>{o.modelAccess.models.join(', ') || '—'}</td><td>{o.modelAccess.groups.join(', ') || '—'}</td>
              <td>{o.caps.projectsPerOrganization}</td><td>{o.caps.apiKeysPerProject}</td>
              <td><button type="button" onClick={() => setEditing(o.id)}>Edit</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      {current && (
        <OrganizationGrantEditor key={current.id} organization={current} onClose={() => setEditing(null)} onSaved={() => refetch({ requestPolicy: 'network-only' })} />
      )}
    </main>
  );
}

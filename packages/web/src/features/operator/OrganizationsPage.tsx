import { useState } from 'react';
import { useQuery } from 'urql';
import { ActionsCell, Button, Card, ErrorMessage, Field, PageHeader, StatusBadge, Table } from '../../components';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { listOf } from '../../lib/format';
import { OrganizationGrantEditor } from './OrganizationGrantEditor';

const OperatedOrganizationRow = graphql(`
  fragment OperatedOrganizationRow on Organization {
    id
    name
    displayName
    verificationTier
    caps {
      projectsPerOrganization
      apiKeysPerProject
    }
    modelAccess {
      models
      groups
    }
    verification {
      id
      status
    }
  }
`);
const AllOrganizations = graphql(`
  query AllOrganizations($search: String) {
    allOrganizations(search: $search) {
      id
      ...OperatedOrganizationRow
      ...OrganizationGrantEditor
    }
  }
`);

/** Every organization, for operators: model grants and caps, edited in a dialog. */
export function OrganizationsPage() {
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [{ data, error }, refetch] = useQuery({ query: AllOrganizations, variables: { search: search.trim() || null } });
  const current = data?.allOrganizations.find((o) => o.id === editing);
  return (
    <main>
      <PageHeader title="Organizations" />
      <Card>
        <div className="row">
          <Field label="Search organizations">
            <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
          </Field>
        </div>
        <ErrorMessage error={error} />
        <Table
          label="Organizations"
          columns={['Name', 'Identifier', 'Tier', 'Verification', 'Models', 'Groups', 'Projects cap', 'Keys cap', '']}
          empty={{ title: 'No organizations match' }}
        >
          {data?.allOrganizations.map((o) => (
            <OrganizationRow key={o.id} organization={o} onEdit={() => setEditing(o.id)} />
          ))}
        </Table>
      </Card>
      {current && (
        <OrganizationGrantEditor
          key={current.id}
          organization={current}
          onClose={() => setEditing(null)}
          onSaved={() => refetch({ requestPolicy: 'network-only' })}
        />
      )}
    </main>
  );
}

function OrganizationRow({ organization: ref, onEdit }: { organization: FragmentType<typeof OperatedOrganizationRow>; onEdit: () => void }) {
  const o = useFragment(OperatedOrganizationRow, ref);
  return (
    <tr>
      <td>{o.displayName}</td>
      <td>{o.name}</td>
      <td>{o.verificationTier}</td>
      <td>{o.verification ? <StatusBadge status={o.verification.status} /> : '—'}</td>
      <td>{listOf(o.modelAccess.models)}</td>
      <td>{listOf(o.modelAccess.groups)}</td>
      <td>{o.caps.projectsPerOrganization}</td>
      <td>{o.caps.apiKeysPerProject}</td>
      <ActionsCell>
        <Button variant="secondary" size="small" onClick={onEdit}>
          Edit
        </Button>
      </ActionsCell>
    </tr>
  );
}

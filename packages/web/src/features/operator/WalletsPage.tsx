import { useQuery } from 'urql';
import { useState } from 'react';
import { ErrorMessage, Field, PageHeader } from '../../components';
import { graphql } from '../../gql';
import { CreditWalletForm } from './CreditWalletForm';
import { WalletActiveForm } from './WalletActiveForm';

const WalletOrganizations = graphql(`
  query WalletOrganizations {
    allOrganizations {
      id
      name
      displayName
    }
  }
`);

/** Operators credit an organization's wallet and switch it on or off. */
export function WalletsPage() {
  const [{ data, error }] = useQuery({ query: WalletOrganizations });
  const [organizationId, setOrganizationId] = useState('');
  const chosen = data?.allOrganizations.find((o) => o.id === organizationId);
  return (
    <main>
      <PageHeader title="Wallets" />
      <ErrorMessage error={error} />
      <div className="row">
        <Field label="Organization to manage">
          <select value={organizationId} onChange={(e) => setOrganizationId(e.target.value)}>
            <option value="">Choose an organization…</option>
            {data?.allOrganizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.displayName} ({o.name})
              </option>
            ))}
          </select>
        </Field>
      </div>
      {chosen && (
        <div key={chosen.id}>
          <CreditWalletForm organization={chosen} />
          <WalletActiveForm organization={chosen} />
        </div>
      )}
    </main>
  );
}

import { useState } from 'react';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { ErrorMessage } from '../../components/ErrorMessage';
import { OrganizationTabs } from '../../components/OrganizationTabs';
import { graphql } from '../../gql';
import { money, WALLET_CONTEXT } from './fields';
import { RedeemCodeForm } from './RedeemCodeForm';
import { WalletRecords } from './WalletRecords';

const OrganizationWallet = graphql(`
  query OrganizationWallet($organizationId: ID!) {
    organization(id: $organizationId) { id name displayName }
    wallet(organizationId: $organizationId) { organizationId balance frozenAmount availableAmount currency isActive }
  }
`);

/** The organization's prepaid balance, its records and code redemption; for admins and the FINANCE grant. */
export function WalletPage() {
  const { orgId } = useParams();
  const [{ data, error }] = useQuery({ query: OrganizationWallet, variables: { organizationId: orgId! }, context: WALLET_CONTEXT });
  // Bumped after a redemption: the records start again from the newest page.
  const [version, setVersion] = useState(0);
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <p>Loading…</p>;
  const { wallet } = data;
  return (
    <main>
      <h1>{data.organization.displayName}</h1>
      <OrganizationTabs organizationId={orgId!} />
      <h2>Wallet</h2>
      {wallet ? (
        <dl className="facts" aria-label="Wallet balance">
          <dt>Balance</dt><dd>{money(wallet.balance)} {wallet.currency}</dd>
          <dt>Frozen</dt><dd>{money(wallet.frozenAmount)} <small>(held by calls in flight)</small></dd>
          <dt>Available</dt><dd>{money(wallet.availableAmount)}</dd>
          <dt>Status</dt><dd>{wallet.isActive ? 'Active' : <span className="error">Inactive: every call is refused</span>}</dd>
        </dl>
      ) : <p>This organization is not prepaid.</p>}
      <RedeemCodeForm organizationId={orgId!} onRedeemed={() => setVersion(version + 1)} />
      <WalletRecords key={version} organization={data.organization} />
    </main>
  );
}

import { useState } from 'react';
import { useQuery } from 'urql';
import { LiveIndicator } from '../../app/LiveIndicator';
import { useOrganization } from '../../app/OrganizationLayout';
import { Badge, Card, EmptyState, ErrorMessage, Facts, Loading } from '../../components';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { money } from '../../lib/format';
import { useNewest } from '../../lib/newest';
import { useCan } from '../../permissions/useCan';
import { WALLET_CONTEXT } from './fields';
import { RedeemCodeForm } from './RedeemCodeForm';
import { useLiveWallet } from './useLiveWallet';
import { WalletRecords } from './WalletRecords';

const WalletBalanceFields = graphql(`
  fragment WalletBalance on Wallet {
    organizationId
    balance
    frozenAmount
    availableAmount
    currency
    isActive
  }
`);
const OrganizationWallet = graphql(`
  query OrganizationWallet($organizationId: ID!) {
    wallet(organizationId: $organizationId) {
      organizationId
      ...WalletBalance
    }
  }
`);

/** The organization's prepaid balance (live: `walletChanged`), its records and code redemption; for admins and the FINANCE grant. */
export function WalletPage() {
  const organization = useOrganization();
  const can = useCan(organization);
  const [{ data, error }] = useQuery({ query: OrganizationWallet, variables: { organizationId: organization.id }, context: WALLET_CONTEXT });
  const [live, liveError] = useLiveWallet(organization.id, !can('FINANCE'));
  const wallet = useNewest<FragmentType<typeof WalletBalanceFields>>(data?.wallet, live);
  // Bumped after a redemption: the records start again from the newest page.
  const [version, setVersion] = useState(0);
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <Loading />;
  return (
    <>
      <Card title="Wallet" actions={can('FINANCE') ? <LiveIndicator errors={[liveError]} /> : undefined}>
        <ErrorMessage error={liveError} />
        {wallet ? (
          <WalletBalance wallet={wallet} />
        ) : (
          <EmptyState title="This organization is not prepaid.">
            Its calls are not charged to a wallet. Redeeming a code or an operator's credit makes it prepaid.
          </EmptyState>
        )}
      </Card>
      <RedeemCodeForm organizationId={organization.id} onRedeemed={() => setVersion(version + 1)} />
      <WalletRecords key={version} organization={organization} />
    </>
  );
}

function WalletBalance({ wallet: ref }: { wallet: FragmentType<typeof WalletBalanceFields> }) {
  const wallet = useFragment(WalletBalanceFields, ref);
  return (
    <Facts
      label="Wallet balance"
      items={[
        ['Balance', `${money(wallet.balance)} ${wallet.currency}`],
        [
          'Frozen',
          <>
            {money(wallet.frozenAmount)} <small>(held by calls in flight)</small>
          </>,
        ],
        ['Available', money(wallet.availableAmount)],
        ['Status', wallet.isActive ? <Badge tone="success">Active</Badge> : <span className="error">Inactive: every call is refused</span>],
      ]}
    />
  );
}

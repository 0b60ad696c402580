import { useMutation } from 'urql';
import { Button, Card, ErrorMessage } from '../../components';
import { graphql } from '../../gql';
import { money } from '../../lib/format';

const SetWalletActive = graphql(`
  mutation SetWalletActive($organizationId: ID!, $isActive: Boolean!) {
    setWalletActive(organizationId: $organizationId, isActive: $isActive) {
      organizationId
      balance
      isActive
    }
  }
`);

/** Switches the wallet on or off; an inactive wallet refuses every call. */
export function WalletActiveForm({ organization }: { organization: { id: string; displayName: string } }) {
  const [set, setActive] = useMutation(SetWalletActive);
  const wallet = set.data?.setWalletActive;
  return (
    <Card
      title="Activate or deactivate"
      label="Wallet status"
      description="An inactive wallet refuses every call of the organization. An organization without a wallet (not prepaid) has nothing to switch: credit it first."
    >
      <div className="actions">
        <Button variant="secondary" disabled={set.fetching} onClick={() => setActive({ organizationId: organization.id, isActive: true })}>
          Activate wallet
        </Button>
        <Button variant="danger" disabled={set.fetching} onClick={() => setActive({ organizationId: organization.id, isActive: false })}>
          Deactivate wallet
        </Button>
      </div>
      {wallet && !set.fetching && (
        <p role="status">
          {organization.displayName}'s wallet is {wallet.isActive ? 'active' : 'inactive'} (balance {money(wallet.balance)}).
        </p>
      )}
      <ErrorMessage error={set.error} />
    </Card>
  );
}

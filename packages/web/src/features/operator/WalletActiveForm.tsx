import { useMutation } from 'urql';
import { ErrorMessage } from '../../components/ErrorMessage';
import { graphql } from '../../gql';
import { money } from '../wallet/fields';

const SetWalletActive = graphql(`
  mutation SetWalletActive($organizationId: ID!, $isActive: Boolean!) {
    setWalletActive(organizationId: $organizationId, isActive: $isActive) { organizationId balance isActive }
  }
`);

/** Switches the wallet on or off; an inactive wallet refuses every call. */
export function WalletActiveForm({ organization }: { organization: { id: string; displayName: string } }) {
  const [set, setActive] = useMutation(SetWalletActive);
  const wallet = set.data?.setWalletActive;
  return (
    <section aria-label="Wallet status">
      <h2>Activate or deactivate</h2>
      <p>An inactive wallet refuses every call of the organization. An organization without a wallet (not prepaid) has nothing to switch: credit it first.</p>
      <p className="row">
        <button type="button" disabled={set.fetching} onClick={() => setActive({ organizationId: organization.id, isActive: true })}>Activate wallet</button>
        <button type="button" className="danger" disabled={set.fetching} onClick={() => setActive({ organizationId: organization.id, isActive: false })}>Deactivate wallet</button>
      </p>
      {wallet && !set.fetching && <p role="status">{organization.displayName}'s wallet is {wallet.isActive ? 'active' : 'inactive'} (balance {money(wallet.balance)}).</p>}
      <ErrorMessage error={set.error} />
    </section>
  );
}

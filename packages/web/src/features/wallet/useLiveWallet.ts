import type { ResultOf } from '@graphql-typed-document-node/core';
import { useSubscription, type CombinedError } from 'urql';
import { graphql } from '../../gql';

/** The wallet whenever its balance, frozen or available amount moves; the first message is its current state. */
export const WalletChangedSubscription = graphql(`
  subscription WalletChanged($organizationId: ID!) {
    walletChanged(organizationId: $organizationId) {
      organizationId
      balance
      frozenAmount
      availableAmount
      currency
      isActive
      ...WalletBalance
    }
  }
`);

export type LiveWallet = ResultOf<typeof WalletChangedSubscription>['walletChanged'];

/**
 * The organization's wallet as it moves, for viewers who may see it (pass
 * `pause` for the others: the server would refuse them). Null until the
 * first message, and for an organization that is not prepaid (none comes).
 */
export function useLiveWallet(organizationId: string, pause: boolean): [LiveWallet | null, CombinedError | undefined] {
  const [{ data, error }] = useSubscription({ query: WalletChangedSubscription, variables: { organizationId }, pause });
  return [data?.walletChanged ?? null, error];
}

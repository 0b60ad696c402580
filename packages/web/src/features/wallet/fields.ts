/** For queries showing a wallet or its records: a mutation answering a Wallet (a redemption, a credit) refreshes them. */
export const WALLET_CONTEXT = { additionalTypenames: ['Wallet'] };

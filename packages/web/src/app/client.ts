import { cacheExchange, Client, fetchExchange } from 'urql';

/** Same-origin GraphQL with the session cookie; JSON POSTs satisfy Apollo's CSRF prevention. */
export const client = new Client({
  url: '/graphql',
  exchanges: [cacheExchange, fetchExchange],
  preferGetMethod: false,
  fetchOptions: { credentials: 'same-origin' },
});

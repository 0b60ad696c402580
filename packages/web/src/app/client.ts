import { cacheExchange, Client, fetchExchange, subscriptionExchange } from 'urql';
import { socketClient } from './live';

/**
 * Same-origin GraphQL with the session cookie; JSON POSTs satisfy Apollo's CSRF prevention.
 * Subscriptions go over the WebSocket of ./live (graphql-ws), queries and mutations over HTTP.
 */
export const client = new Client({
  url: '/graphql',
  exchanges: [
    cacheExchange,
    fetchExchange,
    subscriptionExchange({
      forwardSubscription: (request) => ({
        subscribe: (sink) => ({ unsubscribe: socketClient.subscribe({ ...request, query: request.query ?? '' }, sink) }),
      }),
    }),
  ],
  preferGetMethod: false,
  fetchOptions: { credentials: 'same-origin' },
});

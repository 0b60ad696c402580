import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context';
import type { Logger } from '../logger';

/**
 * One debug line per GraphQL operation: who, what, how long, which error
 * codes. Never variables or results, which may hold passwords and secrets.
 */
export const requestLogPlugin = (logger: Logger): ApolloServerPlugin<Context> => ({
  async requestDidStart({ contextValue }) {
    const started = performance.now();
    return {
      async willSendResponse({ operationName, operation, errors }) {
        logger.debug(
          {
            requestId: contextValue.requestId,
            userId: contextValue.auth?.userId ?? null,
            operation: operationName ?? operation?.operation ?? null,
            durationMs: Math.round(performance.now() - started),
            errors: errors?.map((e) => e.extensions?.code ?? 'INTERNAL'),
          },
          'graphql',
        );
      },
    };
  },
});

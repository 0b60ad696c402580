import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { GraphQLEdgeConfig } from '../../config';
import type { Context } from '../../context';
import { createOperationGuard } from './operation';

/** The operation guard on Apollo's pipeline: after validation, before execution; a refusal answers with its code's status. */
export function edgePlugin(schema: GraphQLSchema, edge: GraphQLEdgeConfig): ApolloServerPlugin<Context> {
  const guard = createOperationGuard(schema, edge);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, contextValue }) {
          if (!operation) return; // execution answers: no operation by that name
          const refused = guard({ document, operation, variables: request.variables, auth: contextValue.auth });
          if (refused) throw refused;
        },
      };
    },
  };
}

import { ErrorCode } from '@tollgate/domain';
import {
  Kind,
  NoSchemaIntrospectionCustomRule,
  validate,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { Auth } from '../../auth/auth';
import type { GraphQLEdgeConfig } from '../../config';
import { refusal } from '../format-error';
import { createCostEstimator, operationCost } from './cost';

export interface OperationCheck {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown> | undefined;
  auth: Auth | null;
}

/**
 * The checks that need the caller or the variables, run on a parsed and
 * validated operation before it executes, for HTTP (an Apollo plugin) and
 * WebSocket alike: the introspection policy, then the cost limit.
 */
export function createOperationGuard(schema: GraphQLSchema, edge: GraphQLEdgeConfig): (check: OperationCheck) => GraphQLError | null {
  const estimator = createCostEstimator(schema);
  return ({ document, operation, variables, auth }) => {
    if (edge.introspection !== 'anonymous' && !(edge.introspection === 'authenticated' && auth) && introspects(schema, document, operation)) {
      return refusal(
        ErrorCode.INTROSPECTION_DISABLED,
        edge.introspection === 'off' ? 'Introspection is disabled' : 'Introspection requires signing in or an API token',
      );
    }
    const cost = operationCost(schema, estimator, document, operation, variables);
    if (cost !== null && cost > edge.maxCost) {
      return refusal(
        ErrorCode.QUERY_TOO_COSTLY,
        `The operation's cost is ${Number.isFinite(cost) ? cost : 'past counting'}; the limit is ${edge.maxCost} (each list counts its selections once per item)`,
      );
    }
    return null;
  };
}

/** Whether the operation asks for __schema or __type (__typename is not introspection). */
function introspects(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): boolean {
  const fragments = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  return validate(schema, { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] }, [NoSchemaIntrospectionCustomRule]).length > 0;
}

import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import {
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLError,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

/** Arguments that bound how many items a field returns. */
const SIZE_ARGUMENTS = ['first', 'last', 'limit', 'size'];
/** What a list without a size argument (a project's keys, an organization's projects) is assumed to hold. */
export const ASSUMED_LIST_SIZE = 10;

/**
 * The cost of an operation: every field counts 1, and what is selected under
 * a field counts once per item it may return: its `first`/`limit`/`size`
 * argument (defaults included), or ASSUMED_LIST_SIZE for a plain list. The
 * list inside a page type (`requestLogs(first: 50) { nodes }`) is already
 * counted by its page's size; the page's other fields (`endCursor`, `totals`)
 * are counted with it, a small overestimate. Introspection is free here:
 * whether it may run at all is GRAPHQL_INTROSPECTION's business.
 */
export function createCostEstimator(schema: GraphQLSchema): ComplexityEstimator {
  const pageTypes = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const returned = getNullableType(field.type);
      if (sizeArgument(field) && !isListType(returned)) pageTypes.add(getNamedType(returned).name);
    }
  }
  return ({ type, field, args, childComplexity }) => {
    if (field.name.startsWith('__')) return 0;
    const bound = sizeArgument(field);
    const size = bound ? Number(args[bound] ?? 0) : undefined;
    const multiplier = size ?? (isListType(getNullableType(field.type)) && !pageTypes.has(type.name) ? ASSUMED_LIST_SIZE : 1);
    return 1 + Math.max(multiplier, 0) * childComplexity;
  };
}

function sizeArgument(field: GraphQLField<unknown, unknown>): string | undefined {
  return field.args.find((arg) => SIZE_ARGUMENTS.includes(arg.name) && getNamedType(arg.type).name === 'Int')?.name;
}

/**
 * The cost of the one operation that will run (its fragments included), with
 * its variables; null when the variables do not fit the operation, which
 * execution refuses with its own message before any resolver runs.
 */
export function operationCost(
  schema: GraphQLSchema,
  estimator: ComplexityEstimator,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): number | null {
  if (getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}).errors) return null;
  const fragments = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  try {
    return getComplexity({
      schema,
      estimators: [estimator],
      query: { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] },
      variables: variables ?? {},
    });
  } catch (error) {
    // Fragments spread into each other can fan out past graphql-query-complexity's 10,000 counted selections: too costly by definition.
    if (error instanceof GraphQLError && error.message.includes('maximum allowed number of nodes')) return Infinity;
    throw error;
  }
}

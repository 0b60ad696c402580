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
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
} from 'graphql';

/** Arguments that bound how many items a field returns. */
const SIZE_ARGUMENTS = ['first', 'last', 'limit', 'size'];
/** What a list without a size argument (a project's keys, an organization's projects) is assumed to hold. */
export const ASSUMED_LIST_SIZE = 10;

/**
 * The cost of an operation: every field counts 1, and what is selected under
 * a field counts once per item it may return: its `first`/`limit`/`size`
 * argument (defaults included), or ASSUMED_LIST_SIZE for a plain list. Under a
 * page (a sized field answering one object: `usage(first: 1000) { rows totals
 * endCursor }`) only the page's lists count once per item; its other fields
 * (`totals`, `endCursor`) count once. Introspection is free here: whether it
 * may run at all is GRAPHQL_INTROSPECTION's business.
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
  // Children are estimated before their parent: a page reads its lists' costs from here.
  const costs = new WeakMap<FieldNode, number>();
  return ({ type, field, node, args, childComplexity }) => {
    if (field.name.startsWith('__')) return 0;
    const bound = sizeArgument(field);
    const size = bound ? Math.max(Number(args[bound] ?? 0), 0) : undefined;
    const returned = getNullableType(field.type);
    let cost: number;
    if (size !== undefined && !isListType(returned)) {
      const page = getNamedType(returned) as GraphQLObjectType;
      const lists = childFields(node, currentFragments).filter((child) => {
        const childField = page.getFields()[child.name.value];
        return childField !== undefined && isListType(getNullableType(childField.type));
      });
      const listCost = lists.reduce((sum, child) => sum + (costs.get(child) ?? 0), 0);
      cost = 1 + childComplexity + Math.max(size - 1, 0) * listCost;
    } else {
      const multiplier = size ?? (isListType(returned) && !pageTypes.has(type.name) ? ASSUMED_LIST_SIZE : 1);
      cost = 1 + multiplier * childComplexity;
    }
    costs.set(node, cost);
    return cost;
  };
}

/** The operation's fragments, while its cost is worked out (getComplexity runs synchronously). */
let currentFragments = new Map<string, FragmentDefinitionNode>();

/** The fields a field selects directly, through fragments and inline fragments. */
function childFields(node: FieldNode, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): FieldNode[] {
  const out: FieldNode[] = [];
  const visit = (selections: readonly SelectionNode[]) => {
    for (const selection of selections) {
      if (selection.kind === Kind.FIELD) out.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet.selections);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) visit(fragment.selectionSet.selections);
      }
    }
  };
  if (node.selectionSet) visit(node.selectionSet.selections);
  return out;
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
  currentFragments = new Map(fragments.map((fragment) => [fragment.name.value, fragment]));
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

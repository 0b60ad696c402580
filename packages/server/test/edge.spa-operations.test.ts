import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  parse,
  print,
  specifiedRules,
  typeFromAST,
  validate,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSchema, loadConfig } from '../src';
import { createCostEstimator, operationCost } from '../src/graphql/edge/cost';
import { documentSizeRefusal, limitRules } from '../src/graphql/edge/limits';
import { createOperationGuard } from '../src/graphql/edge/operation';

/**
 * Every operation the SPA sends, read from its sources (each `graphql(\`…\`)`
 * with the fragments it spreads),
 * must pass the edge's default limits: size, tokens, depth, aliases and cost,
 * the cost taken with the variables the SPA sends (page sizes of 100 where
 * a variable sets one).
 */
const WEB_SRC = join(import.meta.dirname, '../../web/src');
const edge = loadConfig({}).graphql;
let schema: GraphQLSchema;

beforeAll(async () => {
  schema = await buildSchema();
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'gql' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const snippets = sourceFiles(WEB_SRC).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/graphql\(`([^`]*)`\)/g)].map((match) => ({ file: relative(WEB_SRC, file), source: match[1]! })),
);
/** Fragments live in their own `graphql(\`fragment …\`)`; codegen appends the ones an operation spreads, as we do here. */
const fragments = new Map(
  snippets.flatMap(({ source }) =>
    parse(source)
      .definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d] as const),
  ),
);
const operations = snippets
  .filter(({ source }) => parse(source).definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION))
  .map(({ file, source }) => ({ file, source: withFragments(source) }));

function withFragments(source: string): string {
  const own = new Set(parse(source).definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [d.name.value] : [])));
  const added: string[] = [];
  const visit = (text: string) => {
    for (const [, name] of text.matchAll(/\.\.\.\s*([_A-Za-z]\w*)/g)) {
      if (name === 'on' || own.has(name!) || !fragments.has(name!)) continue;
      own.add(name!);
      const printed = print(fragments.get(name!)!);
      added.push(printed);
      visit(printed);
    }
  };
  visit(source);
  return [source, ...added].join('\n');
}

/** A value the variable's type accepts; Int variables (page sizes) get 100. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type) && field.defaultValue === undefined)
        .map((field) => [field.name, sample(field.type)]),
    );
  }
  const scalars: Record<string, unknown> = {
    ID: '0190a8b4-3c5e-7d2a-9f00-000000000001',
    String: 'x',
    Int: 100,
    Float: 1,
    Boolean: true,
    Money: '1.00',
    SafeInt: 1,
    DateTime: new Date(Date.now() + 86_400_000).toISOString(),
    JSONObject: {},
  };
  const value = scalars[getNamedType(type).name];
  if (value === undefined) throw new Error(`no sample for ${getNamedType(type).name}`);
  return value;
}

function variablesFor(operation: OperationDefinitionNode): Record<string, unknown> {
  return Object.fromEntries(
    (operation.variableDefinitions ?? [])
      .filter((definition) => definition.type.kind === Kind.NON_NULL_TYPE)
      .map((definition) => {
        const type = typeFromAST(schema, definition.type) as GraphQLInputType;
        return [definition.variable.name.value, sample(type)];
      }),
  );
}

describe("the SPA's own operations under the edge's default limits", () => {
  it('finds the SPA operations', () => {
    expect(operations.length).toBeGreaterThan(60);
  });

  it.each(operations.map((operation) => [`${operation.file}: ${/(query|mutation|subscription) (\w+)/.exec(operation.source)?.[2] ?? '?'}`, operation.source]))(
    '%s passes',
    (_name, source) => {
      expect(documentSizeRefusal(edge, source)).toBeNull();
      const document = parse(source, { maxTokens: edge.maxTokens });
      expect(validate(schema, document, [...specifiedRules, ...limitRules(edge)]).map((error) => error.message)).toEqual([]);
      const guard = createOperationGuard(schema, edge);
      for (const operation of document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION)) {
        const variables = variablesFor(operation);
        const cost = operationCost(schema, createCostEstimator(schema), document, operation, variables);
        expect(cost, 'variables must fit, or the cost is not counted').not.toBeNull();
        expect(guard({ document, operation, variables, auth: { userId: 'u', isOperator: true, readOnly: false } })?.message ?? null).toBeNull();
      }
    },
  );
});

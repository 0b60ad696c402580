import { formatMoney, parseMoney } from '@tollgate/domain';
import { GraphQLScalarType, Kind } from 'graphql';

/** Money on the API: a decimal string ("12.50"); integer micro-units (bigint) inside. */
export const MoneyScalar = new GraphQLScalarType<bigint | null, string>({
  name: 'Money',
  description: 'An exact amount in USD as a decimal string, e.g. "12.50" (at most 6 decimals).',
  serialize: (value) => formatMoney(value as bigint),
  parseValue: (value) => parseMoney(String(value)),
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? parseMoney(ast.value) : null),
});

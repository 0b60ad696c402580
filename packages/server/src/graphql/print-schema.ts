import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from './build-schema';

/** The committed schema.graphql: sorted so that it only changes when the API does. */
export async function printSchemaFile(): Promise<string> {
  const schema = lexicographicSortSchema(await buildSchema());
  return `# Emitted by \`pnpm schema:emit\` from the server's resolvers. Do not edit.\n\n${printSchema(schema)}\n`;
}

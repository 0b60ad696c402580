/**
 * Many rows as one statement's parameters, a PostgreSQL array per column, read back as rows by
 * `unnest($1::uuid[], $2::timestamptz[], ...)`. The arrays are written here as array literals, so
 * pg sends them as they are: its own array encoding quotes and escapes every element, and a JSON
 * text read by json_to_recordset costs PostgreSQL a lexer pass and a hash lookup per field, both
 * several times this (packages/db/bench/usage-batch-bench.ts).
 */

/** One column: its name, its PostgreSQL type and its value in a row (null: SQL NULL). */
export interface UnnestColumn<Row> {
  name: string;
  type: 'uuid' | 'timestamptz' | 'int' | 'bigint' | 'bool' | 'text' | 'usage_source';
  value: (row: Row) => string | number | bigint | boolean | Date | null;
}

/** Types whose values can hold a comma, a quote, a brace or a space: quoted and escaped. Others are written as they are. */
const QUOTED = new Set<UnnestColumn<unknown>['type']>(['text', 'usage_source']);

/** A text as a quoted element of a PostgreSQL array literal. */
export const quotedElement = (text: string): string => `"${text.replace(/[\\"]/g, '\\$&')}"`;

function element(value: ReturnType<UnnestColumn<unknown>['value']>, quote: boolean): string {
  if (value === null) return 'NULL';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return quote ? quotedElement(String(value)) : String(value);
}

/** `unnest($first::type[], ...) as alias(name, ...)`: the columns' arrays, from parameter `first` on. */
export function unnestFrom(columns: ReadonlyArray<UnnestColumn<never>>, alias: string, first = 1): string {
  const arrays = columns.map((c, i) => `$${first + i}::${c.type}[]`).join(', ');
  return `unnest(${arrays}) as ${alias}(${columns.map((c) => c.name).join(', ')})`;
}

/** The columns' array literals for these rows, in column order (the parameters of unnestFrom). */
export function unnestValues<Row>(columns: ReadonlyArray<UnnestColumn<Row>>, rows: readonly Row[]): string[] {
  return columns.map((c) => {
    const quote = QUOTED.has(c.type);
    let literal = '{';
    for (let i = 0; i < rows.length; i++) literal += (i ? ',' : '') + element(c.value(rows[i]!), quote);
    return literal + '}';
  });
}

import type { EntityManager } from '@mikro-orm/postgresql';
import type { NamedStatement, Queryable } from './ledger/consumes';
import { quotedElement } from './unnest-rows';

/** A PostgreSQL array literal: knex would spread a JS array binding into a list. */
const pgArray = (values: readonly unknown[]) =>
  `{${values.map((v) => (v === null ? 'NULL' : quotedElement(v instanceof Date ? v.toISOString() : String(v)))).join(',')}}`;

/**
 * SQL written for pg (`$1`, `$2`…) run through an EntityManager, in its
 * transaction when it is in one: each `$n` becomes a `?` binding, in order of
 * appearance, arrays as array literals.
 */
export function emQueryable(em: EntityManager): Queryable {
  return {
    async query<R extends object>(sql: string | NamedStatement, values: unknown[] = []) {
      const bindings: unknown[] = [];
      const text = (typeof sql === 'string' ? sql : sql.text).replace(/\$(\d+)/g, (_, n: string) => {
        const value = values[Number(n) - 1];
        bindings.push(
          Array.isArray(value) ? pgArray(value) : value instanceof Date ? value.toISOString() : typeof value === 'bigint' ? value.toString() : value,
        );
        return '?';
      });
      return { rows: await em.execute<R[]>(text, bindings, 'all') };
    },
  };
}

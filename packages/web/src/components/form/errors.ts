import { ErrorCode } from '@tollgate/domain';
import type { CombinedError } from 'urql';

/** A form's errors by field. */
export type Errors = Record<string, string>;

export const hasErrors = (errors: Errors) => Object.keys(errors).length > 0;

/** Only the entries that hold an error: `{ amount: null, count: 'Enter…' }` → `{ count: 'Enter…' }`. */
export const errorsOf = (checks: Record<string, string | null>): Errors =>
  Object.fromEntries(Object.entries(checks).filter((entry): entry is [string, string] => entry[1] !== null));

/**
 * The server's errors that name a field (VALIDATION, CONFLICT,
 * REDEMPTION_CODE_UNAVAILABLE…), as errors beside the form's fields. `place`
 * lists the form's fields, or maps the field the server names
 * ("config.quota.customResetDay") to the form's, or to null when the form has
 * no such field (the error is then left for the whole form).
 */
export function fieldErrors(error: CombinedError | undefined, place: readonly string[] | ((field: string) => string | null)): Errors {
  const errors: Errors = {};
  const locate = typeof place === 'function' ? place : (field: string) => (place.includes(field) ? field : null);
  for (const e of error?.graphQLErrors ?? []) {
    const field = e.extensions?.field;
    const key = typeof field === 'string' ? locate(field) : null;
    if (key) errors[key] ??= e.message;
  }
  return errors;
}

/** The stable code of the server's first error (ErrorCode of @tollgate/domain), if it sent one. */
export function errorCode(error: CombinedError | undefined): ErrorCode | undefined {
  const code = error?.graphQLErrors[0]?.extensions?.code;
  return typeof code === 'string' && code in ErrorCode ? (code as ErrorCode) : undefined;
}

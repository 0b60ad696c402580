import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError, ErrorCode } from '@tollgate/domain';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger';

/** Apollo's own codes for a request that is malformed rather than failing. */
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED']);

/**
 * The GraphQL edge of the error-code enum: domain errors keep their code and
 * message, malformed requests become VALIDATION, anything else is masked as
 * INTERNAL with a correlation id that is also in the server log.
 */
export const createFormatError =
  (logger: Logger) =>
  (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    if (original instanceof DomainError) {
      return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
    }
    // A bad variable value (e.g. a malformed Money string) carries the domain error as its cause.
    const cause = original instanceof GraphQLError ? original.originalError : undefined;
    const field = variableField(formatted.message);
    if (cause instanceof DomainError) return { ...base, extensions: { code: cause.code, ...cause.details, ...field } };
    const apolloCode = formatted.extensions?.code;
    if (typeof apolloCode === 'string' && REQUEST_ERROR_CODES.has(apolloCode)) {
      return { ...base, extensions: { code: ErrorCode.VALIDATION, ...field } };
    }
    const correlationId = randomUUID();
    logger.error({ err: original, correlationId, path: formatted.path }, 'unexpected error');
    return { ...base, message: `Internal error (correlation id ${correlationId})`, extensions: { code: ErrorCode.INTERNAL, correlationId } };
  };

/**
 * graphql-js names a bad variable's place only in its message
 * ('... at "input.config.dailyBudget"'): the path below the variable is the
 * field, dotted as domain validation names nested fields.
 */
function variableField(message: string): { field?: string } {
  const at = /^Variable "\$\w+" got invalid value .* at "([^"]+)"/.exec(message)?.[1];
  const field = at?.split('.').slice(1).join('.');
  return field ? { field } : {};
}

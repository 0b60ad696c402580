import { unwrapResolverError } from '@apollo/server/errors';
import { assertUnreachable, DomainError, ErrorCode } from '@tollgate/domain';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger';

/** How the GraphQL edge answers one code. */
export interface GraphQLAnswer {
  /**
   * The HTTP status of a request refused with this code before anything ran
   * (transport, limits, origin, introspection). Errors raised while executing
   * answer 200 beside the data, as GraphQL over HTTP has it.
   */
  status: number;
  /** False: the message is replaced by a correlation id and the error is logged. */
  expose: boolean;
}

/**
 * Every code of the closed set, decided once: a new code does not compile
 * until it has an answer here. The proxy's codes (keys, models, upstreams)
 * do not arise in GraphQL today; they answer as the proxy answers them.
 */
export function graphqlAnswer(code: ErrorCode): GraphQLAnswer {
  switch (code) {
    case ErrorCode.UNAUTHENTICATED:
    case ErrorCode.MISSING_API_KEY:
    case ErrorCode.INVALID_API_KEY:
      return { status: 401, expose: true };
    case ErrorCode.FORBIDDEN:
    case ErrorCode.ORIGIN_NOT_ALLOWED:
    case ErrorCode.INTROSPECTION_DISABLED:
      return { status: 403, expose: true };
    case ErrorCode.NOT_FOUND:
    case ErrorCode.MODEL_NOT_FOUND:
    case ErrorCode.UNKNOWN_ROUTE:
    case ErrorCode.RESPONSE_NOT_FOUND:
      return { status: 404, expose: true };
    case ErrorCode.VALIDATION:
    case ErrorCode.MISSING_MODEL:
    case ErrorCode.MALFORMED_REQUEST:
    case ErrorCode.DOCUMENT_TOO_LARGE:
    case ErrorCode.QUERY_TOO_DEEP:
    case ErrorCode.QUERY_TOO_MANY_ALIASES:
    case ErrorCode.QUERY_TOO_COSTLY:
      return { status: 400, expose: true };
    case ErrorCode.CONFLICT:
    case ErrorCode.LAST_ADMIN:
    case ErrorCode.LIMIT_CAP_REACHED:
      return { status: 409, expose: true };
    case ErrorCode.INVITATION_UNAVAILABLE:
    case ErrorCode.REDEMPTION_CODE_UNAVAILABLE:
      return { status: 410, expose: true };
    case ErrorCode.TOO_MANY_REQUESTS:
    case ErrorCode.QUOTA_EXCEEDED:
    case ErrorCode.TOO_MANY_SUBSCRIPTIONS:
      return { status: 429, expose: true };
    case ErrorCode.REQUEST_TOO_LARGE:
      return { status: 413, expose: true };
    case ErrorCode.UPSTREAM_UNAVAILABLE:
      return { status: 502, expose: true };
    case ErrorCode.USAGE_RECORDING_UNAVAILABLE:
    case ErrorCode.SHUTTING_DOWN:
    case ErrorCode.LIMITS_UNAVAILABLE:
      return { status: 503, expose: true };
    case ErrorCode.UPSTREAM_TIMEOUT:
      return { status: 504, expose: true };
    case ErrorCode.INTERNAL:
      return { status: 500, expose: false };
    default:
      return assertUnreachable(code);
  }
}

/**
 * An error that refuses the request before execution: the formatter reads
 * its code from the domain error inside, Apollo its status from `http`.
 */
export function refusal(code: ErrorCode, message: string): GraphQLError {
  return new GraphQLError(message, { originalError: new DomainError(code, message), extensions: { http: { status: graphqlAnswer(code).status } } });
}

/** Apollo's own codes for a request that is malformed rather than failing. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** graphql-js's words when `parse` stops at ParseOptions.maxTokens. */
const TOKEN_LIMIT = /^Syntax Error: Document contains more tha[nt] \d+ tokens/;

export interface FormatErrorOptions {
  /** Drops graphql-js's "Did you mean …?" hints, which would spell out the schema to callers who may not introspect it. */
  hideSuggestions?: boolean;
}

/**
 * The GraphQL edge of the error-code enum: domain errors keep their code and
 * message, malformed requests become VALIDATION or MALFORMED_REQUEST, anything
 * else is masked as INTERNAL with a correlation id that is also in the server log.
 */
export const createFormatError =
  (logger: Logger, options: FormatErrorOptions = {}) =>
  (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const message = options.hideSuggestions ? formatted.message.replace(/ Did you mean .+\?$/, '') : formatted.message;
    const base = { message, locations: formatted.locations, path: formatted.path };
    // A bad variable value (e.g. a malformed Money string) or a refusal of the edge carries the domain error as its cause.
    const cause = original instanceof GraphQLError ? original.originalError : undefined;
    const domain = original instanceof DomainError ? original : cause instanceof DomainError ? cause : undefined;
    if (domain && graphqlAnswer(domain.code).expose) {
      const text = domain === original ? domain.message : message;
      return { ...base, message: text, extensions: { code: domain.code, ...domain.details, ...(domain === cause ? variableField(message) : {}) } };
    }
    const apolloCode = domain ? undefined : formatted.extensions?.code;
    if (apolloCode === 'GRAPHQL_PARSE_FAILED' && TOKEN_LIMIT.test(message)) {
      return { ...base, extensions: { code: ErrorCode.DOCUMENT_TOO_LARGE } };
    }
    if (apolloCode === 'BAD_REQUEST') return { ...base, extensions: { code: ErrorCode.MALFORMED_REQUEST } };
    if (typeof apolloCode === 'string' && REQUEST_ERROR_CODES.has(apolloCode)) {
      return { ...base, extensions: { code: ErrorCode.VALIDATION, ...variableField(message) } };
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

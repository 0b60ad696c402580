/**
 * The closed set of error codes every edge speaks. GraphQL maps them to
 * `extensions.code`; the proxy maps them to HTTP status and OpenAI error types.
 */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  VALIDATION: 'VALIDATION',
  CONFLICT: 'CONFLICT',
  LAST_ADMIN: 'LAST_ADMIN',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  LIMIT_CAP_REACHED: 'LIMIT_CAP_REACHED',
  QUOTA_EXCEEDED: 'QUOTA_EXCEEDED',
  /** An invitation link that is unknown, expired, revoked, used up or meant for someone else. */
  INVITATION_UNAVAILABLE: 'INVITATION_UNAVAILABLE',
  /** A redemption code that is unknown, expired or already redeemed (one answer for all three). */
  REDEMPTION_CODE_UNAVAILABLE: 'REDEMPTION_CODE_UNAVAILABLE',
  INTERNAL: 'INTERNAL',
  /** A request body that is not JSON or not a GraphQL request at all. */
  MALFORMED_REQUEST: 'MALFORMED_REQUEST',
  /** A request body over the server's limit. */
  REQUEST_TOO_LARGE: 'REQUEST_TOO_LARGE',
  /** A GraphQL document over the size or token limit. */
  DOCUMENT_TOO_LARGE: 'DOCUMENT_TOO_LARGE',
  /** Selections nested deeper than the limit. */
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  /** More aliases in one operation than the limit. */
  QUERY_TOO_MANY_ALIASES: 'QUERY_TOO_MANY_ALIASES',
  /** An operation whose estimated cost (lists counted by their size) is over the limit. */
  QUERY_TOO_COSTLY: 'QUERY_TOO_COSTLY',
  /** A browser request or WebSocket from an origin that may not use the session. */
  ORIGIN_NOT_ALLOWED: 'ORIGIN_NOT_ALLOWED',
  /** Schema introspection is closed to this caller. */
  INTROSPECTION_DISABLED: 'INTROSPECTION_DISABLED',
  /** More subscriptions open on one WebSocket than the limit. */
  TOO_MANY_SUBSCRIPTIONS: 'TOO_MANY_SUBSCRIPTIONS',
  // The proxy's own (OpenAI's words for them in packages/proxy/src/errors.ts).
  /** No API key was sent. */
  MISSING_API_KEY: 'MISSING_API_KEY',
  /** The API key is unknown, malformed, revoked or expired, or its project is archived (one answer for all). */
  INVALID_API_KEY: 'INVALID_API_KEY',
  /** A call without a model. */
  MISSING_MODEL: 'MISSING_MODEL',
  /** A model that does not exist or that the key may not call (one answer for both). */
  MODEL_NOT_FOUND: 'MODEL_NOT_FOUND',
  /** A path the proxy does not serve. */
  UNKNOWN_ROUTE: 'UNKNOWN_ROUTE',
  /** A stored Responses API answer that does not exist or belongs to another organization (one answer for both). */
  RESPONSE_NOT_FOUND: 'RESPONSE_NOT_FOUND',
  /** The model's upstream failed or could not be reached. */
  UPSTREAM_UNAVAILABLE: 'UPSTREAM_UNAVAILABLE',
  /** The model's upstream did not answer in time. */
  UPSTREAM_TIMEOUT: 'UPSTREAM_TIMEOUT',
  /** Usage cannot be recorded (PostgreSQL away and the buffer full): calls are refused rather than served unrecorded. */
  USAGE_RECORDING_UNAVAILABLE: 'USAGE_RECORDING_UNAVAILABLE',
  /** The proxy is draining before it stops. */
  SHUTTING_DOWN: 'SHUTTING_DOWN',
  /** The limit store cannot be reached, so limits cannot be checked. */
  LIMITS_UNAVAILABLE: 'LIMITS_UNAVAILABLE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface DomainErrorDetails {
  /** The input field at fault, for VALIDATION and CONFLICT. */
  field?: string;
  /** Seconds until a retry can succeed, for TOO_MANY_REQUESTS. */
  retryAfterSeconds?: number;
}

/** An expected failure with a stable code; its message is safe to show to the caller. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError(ErrorCode.NOT_FOUND, `${what} not found`);
export const forbidden = (message = 'You are not allowed to do this') => new DomainError(ErrorCode.FORBIDDEN, message);
export const invalid = (field: string, message: string) => new DomainError(ErrorCode.VALIDATION, message, { field });
export const conflict = (field: string, message: string) => new DomainError(ErrorCode.CONFLICT, message, { field });

export function assertUnreachable(value: never): never {
  throw new Error(`Unreachable: ${String(value)}`);
}

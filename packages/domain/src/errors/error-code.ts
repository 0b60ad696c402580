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

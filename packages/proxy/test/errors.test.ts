import { ErrorCode } from '@tollgate/domain';
import { describe, expect, it } from 'vitest';
import { openAiError } from '../src/errors';

describe("the proxy's answer to every code of the closed set", () => {
  it("is OpenAI's status, type and code for each code the proxy raises, and an internal error for the API's own", () => {
    const table = Object.fromEntries(
      Object.values(ErrorCode).map((code) => [code, (({ status, type, code: c }) => `${status} ${type} ${c}`)(openAiError(code))]),
    );
    const internal = '500 server_error internal_error';
    expect(table).toEqual({
      MISSING_API_KEY: '401 invalid_request_error missing_api_key',
      INVALID_API_KEY: '401 invalid_request_error invalid_api_key',
      MALFORMED_REQUEST: '400 invalid_request_error invalid_json',
      MISSING_MODEL: '400 invalid_request_error missing_model',
      VALIDATION: '400 invalid_request_error invalid_value',
      MODEL_NOT_FOUND: '404 invalid_request_error model_not_found',
      UNKNOWN_ROUTE: '404 invalid_request_error unknown_url',
      RESPONSE_NOT_FOUND: '404 invalid_request_error response_not_found',
      REQUEST_TOO_LARGE: '413 invalid_request_error request_too_large',
      TOO_MANY_REQUESTS: '429 rate_limit_exceeded rate_limit_exceeded',
      QUOTA_EXCEEDED: '429 insufficient_quota insufficient_quota',
      UPSTREAM_UNAVAILABLE: '502 server_error upstream_unavailable',
      UPSTREAM_TIMEOUT: '504 server_error upstream_timeout',
      USAGE_RECORDING_UNAVAILABLE: '503 server_error usage_recording_unavailable',
      SHUTTING_DOWN: '503 server_error shutting_down',
      LIMITS_UNAVAILABLE: '503 server_error limits_unavailable',
      UNAUTHENTICATED: internal,
      FORBIDDEN: internal,
      NOT_FOUND: internal,
      CONFLICT: internal,
      LAST_ADMIN: internal,
      LIMIT_CAP_REACHED: internal,
      INVITATION_UNAVAILABLE: internal,
      REDEMPTION_CODE_UNAVAILABLE: internal,
      DOCUMENT_TOO_LARGE: internal,
      QUERY_TOO_DEEP: internal,
      QUERY_TOO_MANY_ALIASES: internal,
      QUERY_TOO_COSTLY: internal,
      ORIGIN_NOT_ALLOWED: internal,
      INTROSPECTION_DISABLED: internal,
      TOO_MANY_SUBSCRIPTIONS: internal,
      INTERNAL: internal,
    });
  });
});

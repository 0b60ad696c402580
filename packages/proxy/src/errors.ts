import { assertUnreachable, ErrorCode, type RefusalCode } from '@tollgate/domain';
import type { ServerResponse } from 'node:http';

/** How the proxy answers a code: OpenAI's error shape, so SDKs read it as they read OpenAI's (and retry only what they should). */
export interface OpenAiError {
  status: number;
  type: 'invalid_request_error' | 'server_error' | 'rate_limit_exceeded' | 'insufficient_quota';
  code: string;
  message: string;
}

const answer = (status: number, type: OpenAiError['type'], code: string, message: string): OpenAiError => ({ status, type, code, message });

/**
 * The proxy's edge of the closed code set, decided once for every code: a new
 * code does not compile until it has an answer here. Codes only the GraphQL
 * API raises cannot reach the proxy; they answer as an internal error.
 */
export function openAiError(code: ErrorCode): OpenAiError {
  switch (code) {
    case ErrorCode.MISSING_API_KEY:
      return answer(401, 'invalid_request_error', 'missing_api_key', 'You didn\'t provide an API key. Send it as "Authorization: Bearer sk-tg-...".');
    case ErrorCode.INVALID_API_KEY:
      return answer(401, 'invalid_request_error', 'invalid_api_key', 'Incorrect API key provided.');
    case ErrorCode.MALFORMED_REQUEST:
      return answer(400, 'invalid_request_error', 'invalid_json', 'The request body is not valid JSON.');
    case ErrorCode.MISSING_MODEL:
      return answer(400, 'invalid_request_error', 'missing_model', 'You must provide a model parameter.');
    case ErrorCode.VALIDATION:
      return answer(
        400,
        'invalid_request_error',
        'invalid_value',
        "max_tokens, max_completion_tokens, max_output_tokens and n must be positive integers within the model's bounds.",
      );
    case ErrorCode.MODEL_NOT_FOUND:
      return answer(404, 'invalid_request_error', 'model_not_found', 'The model does not exist or you do not have access to it.');
    case ErrorCode.UNKNOWN_ROUTE:
      return answer(404, 'invalid_request_error', 'unknown_url', 'Unknown request URL.');
    case ErrorCode.RESPONSE_NOT_FOUND:
      return answer(404, 'invalid_request_error', 'response_not_found', 'No response found with that id.');
    case ErrorCode.REQUEST_TOO_LARGE:
      return answer(413, 'invalid_request_error', 'request_too_large', 'The request body is too large.');
    case ErrorCode.TOO_MANY_REQUESTS:
      return answer(429, 'rate_limit_exceeded', 'rate_limit_exceeded', 'Rate limit reached.');
    case ErrorCode.QUOTA_EXCEEDED:
      return answer(429, 'insufficient_quota', 'insufficient_quota', 'Quota exceeded.');
    case ErrorCode.UPSTREAM_UNAVAILABLE:
      return answer(502, 'server_error', 'upstream_unavailable', "The model's upstream failed to answer.");
    case ErrorCode.UPSTREAM_TIMEOUT:
      return answer(504, 'server_error', 'upstream_timeout', "The model's upstream did not answer in time.");
    case ErrorCode.USAGE_RECORDING_UNAVAILABLE:
      return answer(503, 'server_error', 'usage_recording_unavailable', 'Usage cannot be recorded right now; retry shortly.');
    case ErrorCode.SHUTTING_DOWN:
      return answer(503, 'server_error', 'shutting_down', 'The proxy is restarting; retry shortly.');
    case ErrorCode.LIMITS_UNAVAILABLE:
      return answer(503, 'server_error', 'limits_unavailable', 'Limits cannot be checked right now; retry shortly.');
    case ErrorCode.UNAUTHENTICATED:
    case ErrorCode.FORBIDDEN:
    case ErrorCode.NOT_FOUND:
    case ErrorCode.CONFLICT:
    case ErrorCode.LAST_ADMIN:
    case ErrorCode.LIMIT_CAP_REACHED:
    case ErrorCode.INVITATION_UNAVAILABLE:
    case ErrorCode.REDEMPTION_CODE_UNAVAILABLE:
    case ErrorCode.DOCUMENT_TOO_LARGE:
    case ErrorCode.QUERY_TOO_DEEP:
    case ErrorCode.QUERY_TOO_MANY_ALIASES:
    case ErrorCode.QUERY_TOO_COSTLY:
    case ErrorCode.ORIGIN_NOT_ALLOWED:
    case ErrorCode.INTROSPECTION_DISABLED:
    case ErrorCode.TOO_MANY_SUBSCRIPTIONS:
    case ErrorCode.INTERNAL:
      return answer(500, 'server_error', 'internal_error', 'The proxy failed to handle the request.');
    default:
      return assertUnreachable(code);
  }
}

/** What a refusal may say beyond its code's defaults: the parameter at fault, a precise message, a limit's code. */
export interface ErrorDetails {
  message?: string;
  param?: string | null;
  code?: RefusalCode;
}

/** Answers a refusal (or, once headers are out, cuts the response); returns its status. */
export function sendError(res: ServerResponse, code: ErrorCode, details: ErrorDetails = {}): number {
  const error = openAiError(code);
  const body = JSON.stringify({
    error: { message: details.message ?? error.message, type: error.type, code: details.code ?? error.code, param: details.param ?? null },
  });
  if (res.headersSent) {
    res.destroy();
    return error.status;
  }
  res.writeHead(error.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
  return error.status;
}

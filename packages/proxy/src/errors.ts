import type { ServerResponse } from 'node:http';

/** The proxy's refusals, in OpenAI's error shape so SDKs read them as they read OpenAI's. */
export const ProxyError = {
  invalidApiKey: [401, 'invalid_request_error', 'invalid_api_key', 'Incorrect API key provided.'],
  missingApiKey: [401, 'invalid_request_error', 'missing_api_key', 'You didn\'t provide an API key. Send it as "Authorization: Bearer sk-tg-...".'],
  invalidJson: [400, 'invalid_request_error', 'invalid_json', 'The request body is not valid JSON.'],
  missingModel: [400, 'invalid_request_error', 'missing_model', 'You must provide a model parameter.'],
  modelNotFound: [404, 'invalid_request_error', 'model_not_found', 'The model does not exist or you do not have access to it.'],
  bodyTooLarge: [413, 'invalid_request_error', 'request_too_large', 'The request body is too large.'],
  notFound: [404, 'invalid_request_error', 'unknown_url', 'Unknown request URL.'],
  upstreamUnavailable: [502, 'server_error', 'upstream_unavailable', 'The model\'s upstream failed to answer.'],
  upstreamTimeout: [504, 'server_error', 'upstream_timeout', 'The model\'s upstream did not answer in time.'],
  usageBufferFull: [503, 'server_error', 'usage_recording_unavailable', 'Usage cannot be recorded right now; retry shortly.'],
  shuttingDown: [503, 'server_error', 'shutting_down', 'The proxy is restarting; retry shortly.'],
  limitsUnavailable: [503, 'server_error', 'limits_unavailable', 'Limits cannot be checked right now; retry shortly.'],
  invalidBound: [400, 'invalid_request_error', 'invalid_value', 'max_tokens, max_completion_tokens, max_output_tokens and n must be positive integers within the model\'s bounds.'],
  responseNotFound: [404, 'invalid_request_error', 'response_not_found', 'No response found with that id.'],
  rateLimited: [429, 'rate_limit_exceeded', 'rate_limit_exceeded', 'Rate limit reached.'],
  quotaExceeded: [429, 'insufficient_quota', 'insufficient_quota', 'Quota exceeded.'],
} as const satisfies Record<string, readonly [status: number, type: string, code: string, message: string]>;
export type ProxyErrorName = keyof typeof ProxyError;

export function sendError(res: ServerResponse, name: ProxyErrorName, overrides: { message?: string; param?: string | null; code?: string } = {}) {
  const [status, type, code, message] = ProxyError[name];
  const body = JSON.stringify({ error: { message: overrides.message ?? message, type, code: overrides.code ?? code, param: overrides.param ?? null } });
  if (res.headersSent) {
    res.destroy();
    return status;
  }
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
  return status;
}

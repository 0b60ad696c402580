/** How much of a call's content an organization lets the proxy keep. */
export const AuditContentPolicy = { NONE: 'NONE', METADATA: 'METADATA', FULL: 'FULL' } as const;
export type AuditContentPolicy = (typeof AuditContentPolicy)[keyof typeof AuditContentPolicy];

export const DEFAULT_CONTENT_RETENTION_DAYS = 30;
export const MAX_CONTENT_RETENTION_DAYS = 3650;

/** The request parameters METADATA keeps: shape, never text. */
const METADATA_FIELDS = [
  'model',
  'stream',
  'max_tokens',
  'max_completion_tokens',
  'max_output_tokens',
  'temperature',
  'top_p',
  'n',
  'stop',
  'tools',
  'tool_choice',
  'response_format',
  'user',
] as const;

/**
 * What of a call is stored under a policy: nothing; its parameters and sizes;
 * or the request and the response text in full.
 */
export function contentToStore(policy: AuditContentPolicy, request: Record<string, unknown>, responseText: string | null): Record<string, unknown> | null {
  if (policy === AuditContentPolicy.NONE) return null;
  if (policy === AuditContentPolicy.FULL) return { request, response: responseText };
  const params: Record<string, unknown> = {};
  for (const field of METADATA_FIELDS)
    if (request[field] !== undefined) params[field] = field === 'tools' ? (request.tools as unknown[]).length : request[field];
  const messages = Array.isArray(request.messages) ? request.messages.length : undefined;
  return { params, messages, responseChars: responseText?.length ?? null };
}

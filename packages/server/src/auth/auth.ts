/** Who is calling, established once per request from the session cookie or a Bearer API token. */
export interface Auth {
  userId: string;
  isOperator: boolean;
  /** Read-only API tokens may run queries only. */
  readOnly: boolean;
  sessionId?: string;
  apiTokenId?: string;
  /** When the session or token stops being valid (null: a token that never expires); subscriptions end then. */
  expiresAt?: Date | null;
}

export const SESSION_COOKIE = 'tg_session';
export const API_TOKEN_PREFIX = 'tgb_';
export const SESSION_TOKEN_PREFIX = 'tgs_';

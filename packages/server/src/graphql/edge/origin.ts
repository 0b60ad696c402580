import type { Config } from '../../config';

/**
 * Whether a browser on `origin` may call /graphql, over HTTP or WebSocket:
 * PUBLIC_URL's origin, GRAPHQL_ALLOWED_ORIGINS, and, while PUBLIC_URL is
 * unset (`start` on a bare machine, reached as localhost, 127.0.0.1 or a LAN
 * name), the host the request was sent to. A request without Origin is not
 * from a browser page (browsers send it on every POST and WebSocket), so
 * nobody's cookie is being ridden and it passes.
 */
export function originAllowed(config: Config, origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  const url = URL.canParse(origin) ? new URL(origin) : null;
  if (!url) return false;
  if (url.origin === new URL(config.publicUrl).origin) return true;
  if (config.graphql.allowedOrigins.includes(url.origin)) return true;
  return config.publicUrlFromPort && host !== undefined && url.host === host.toLowerCase();
}

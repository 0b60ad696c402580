import type { CredentialCipher } from '@tollgate/db';
import type { CustomHeader } from '@tollgate/domain';
import { Webhook } from 'standardwebhooks';
import { OutgoingError, type OutgoingAnswer, type OutgoingHttp } from './outgoing';

/** An endpoint as a delivery reads it: secrets and header values still encrypted. */
export interface EndpointSecrets {
  url: string;
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
  customHeaders: string | null;
}

/**
 * The Standard Webhooks headers for one attempt: `webhook-id` (the same on
 * every retry, so receivers can drop duplicates), the attempt's
 * `webhook-timestamp` (seconds) and `webhook-signature`, `v1,<base64
 * HMAC-SHA256 of "id.timestamp.body">` per secret, space-separated: while a
 * rotation overlaps, receivers holding either secret verify.
 */
export function signatureHeaders(id: string, at: Date, body: string, secrets: readonly string[]): Record<string, string> {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': secrets.map((secret) => new Webhook(secret).sign(id, at, body)).join(' '),
  };
}

/** Posts an outbox message's payload to its endpoint, signed, with the endpoint's custom headers. */
export class WebhookSender {
  constructor(
    private readonly http: OutgoingHttp,
    private readonly credentials: CredentialCipher | null,
  ) {}

  send(messageId: string, payload: unknown, endpoint: EndpointSecrets, at = new Date()): Promise<OutgoingAnswer> {
    const cipher = this.credentials;
    if (!cipher) return Promise.reject(new OutgoingError('CREDENTIAL_KEY is not set: the endpoint secret cannot be read'));
    const secrets = [cipher.decrypt(endpoint.secret)];
    if (endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > at) {
      secrets.push(cipher.decrypt(endpoint.previousSecret));
    }
    const custom = endpoint.customHeaders ? (JSON.parse(cipher.decrypt(endpoint.customHeaders)) as CustomHeader[]) : [];
    const body = JSON.stringify(payload);
    // Custom header names were checked when saved (parseCustomHeaders): none can replace the ones below.
    const headers: Record<string, string> = Object.fromEntries(custom.map((h) => [h.name, h.value]));
    Object.assign(headers, { 'content-type': 'application/json', 'user-agent': 'Tollgate-Webhooks/1' }, signatureHeaders(messageId, at, body, secrets));
    return this.http.post(endpoint.url, headers, body);
  }
}

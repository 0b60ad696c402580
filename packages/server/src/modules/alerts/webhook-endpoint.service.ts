import { emQueryable, WebhookEndpoint, type CredentialCipher } from '@tollgate/db';
import { DomainError, ErrorCode, invalid, parseCustomHeaders, parseInput, type CustomHeader } from '@tollgate/domain';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Context } from '../../context';
import { recordAudit } from '../audit/audit.service';
import type { CustomHeaderInput, WebhookEndpointInput, WebhookEndpointRefType, WebhookEndpointType, WebhookEndpointWithSecretType } from './alerts.types';
import { parseEndpointUrl } from './webhook-url';

/** Endpoints an organization may keep. */
export const MAX_WEBHOOK_ENDPOINTS = 20;
/** How long the secret before a rotation keeps signing, so receivers can switch over. */
export const PREVIOUS_SECRET_TTL_MS = 24 * 3_600_000;
const MASK = '••••';

/** A Standard Webhooks secret: whsec_ and 32 random bytes in base64. */
const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

function cipherOf(ctx: Context): CredentialCipher {
  if (!ctx.app.credentials) throw invalid('url', 'The server has no CREDENTIAL_KEY to encrypt webhook secrets with');
  return ctx.app.credentials;
}

/** An endpoint as answered: header names with masked values, never the secrets. */
export const endpointView = (e: WebhookEndpoint, now = new Date()): WebhookEndpointType => ({
  id: e.id,
  organizationId: e.organizationId,
  url: e.url,
  description: e.description,
  customHeaders: e.customHeaderNames.map((name) => ({ name, value: MASK })),
  createdAt: e.createdAt,
  previousSecretExpiresAt: e.previousSecretExpiresAt && e.previousSecretExpiresAt > now ? e.previousSecretExpiresAt : null,
  failingSince: e.failingSince ?? null,
  disabledAt: e.disabledAt ?? null,
});

const descriptionInput = z.string().trim().max(200, 'must be at most 200 characters');

/** An endpoint of the organization; another's answers exactly as a missing one. */
async function findEndpoint(ctx: Context, organizationId: string, id: string): Promise<WebhookEndpoint> {
  const endpoint = await ctx.em.findOne(WebhookEndpoint, { id, organizationId });
  if (!endpoint) throw new DomainError(ErrorCode.NOT_FOUND, 'Webhook endpoint not found');
  return endpoint;
}

export const listWebhookEndpoints = async (ctx: Context, organizationId: string) =>
  (await ctx.em.find(WebhookEndpoint, { organizationId }, { orderBy: { createdAt: 'asc', id: 'asc' } })).map((e) => endpointView(e));

/** What a project's settings offer to send alerts to: names and hosts, nothing of the headers. */
export const webhookEndpointChoices = async (ctx: Context, projectId: string): Promise<WebhookEndpointRefType[]> => {
  const project = (await ctx.access.findProject(projectId))!;
  const endpoints = await ctx.em.find(WebhookEndpoint, { organizationId: project.organization.id }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  return endpoints.map((e) => ({ id: e.id, description: e.description, host: new URL(e.url).host, disabled: e.disabledAt != null }));
};

/**
 * Headers as given; on update an entry without a value keeps the value the
 * header has now (answers only ever show it masked), one the endpoint does
 * not have yet needs one.
 */
function headersOf(input: readonly CustomHeaderInput[], current: readonly CustomHeader[]): CustomHeader[] {
  const withValues = input.map(({ name, value }, i) => {
    if (value !== null && value !== undefined) return { name, value };
    const kept = current.find((h) => h.name.toLowerCase() === name.toLowerCase());
    if (!kept) throw invalid(`customHeaders[${i}].value`, `${name} needs a value`);
    return { name, value: kept.value };
  });
  return parseCustomHeaders(withValues);
}

function parseEndpoint(ctx: Context, input: WebhookEndpointInput) {
  const url = parseEndpointUrl(parseInput(z.string(), input.url, 'url'), ctx.app.config.delivery.allowedHosts);
  const description = parseInput(descriptionInput, input.description ?? '', 'description');
  return { url, description };
}

const storedHeaders = (cipher: CredentialCipher, headers: readonly CustomHeader[]) => ({
  customHeaders: headers.length ? cipher.encrypt(JSON.stringify(headers)) : null,
  customHeaderNames: headers.map((h) => h.name),
});

export async function createWebhookEndpoint(ctx: Context, organizationId: string, input: WebhookEndpointInput): Promise<WebhookEndpointWithSecretType> {
  const { url, description } = parseEndpoint(ctx, input);
  const headers = headersOf(input.customHeaders ?? [], []);
  const cipher = cipherOf(ctx);
  if ((await ctx.em.count(WebhookEndpoint, { organizationId })) >= MAX_WEBHOOK_ENDPOINTS) {
    throw new DomainError(ErrorCode.LIMIT_CAP_REACHED, `An organization may keep at most ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints`);
  }
  const secret = newSecret();
  const endpoint = ctx.em.create(WebhookEndpoint, { organizationId, url, description, secret: cipher.encrypt(secret), ...storedHeaders(cipher, headers) });
  recordAudit(ctx, {
    action: 'webhookEndpoint.create',
    organizationId,
    targetType: 'WebhookEndpoint',
    targetId: endpoint.id,
    after: { url, description, customHeaderNames: endpoint.customHeaderNames },
  });
  await ctx.em.flush();
  return { endpoint: endpointView(endpoint), secret };
}

/** Changes the URL and description, and the headers when given (see headersOf); the secret stays. */
export async function updateWebhookEndpoint(ctx: Context, organizationId: string, id: string, input: WebhookEndpointInput): Promise<WebhookEndpointType> {
  const endpoint = await findEndpoint(ctx, organizationId, id);
  const { url, description } = parseEndpoint(ctx, input);
  const before = { url: endpoint.url, description: endpoint.description, customHeaderNames: endpoint.customHeaderNames };
  if (input.customHeaders) {
    const cipher = cipherOf(ctx);
    const current = endpoint.customHeaders ? (JSON.parse(cipher.decrypt(endpoint.customHeaders)) as CustomHeader[]) : [];
    Object.assign(endpoint, storedHeaders(cipher, headersOf(input.customHeaders, current)));
  }
  Object.assign(endpoint, { url, description });
  recordAudit(ctx, {
    action: 'webhookEndpoint.update',
    organizationId,
    targetType: 'WebhookEndpoint',
    targetId: id,
    before,
    after: { url, description, customHeaderNames: endpoint.customHeaderNames },
  });
  await ctx.em.flush();
  return endpointView(endpoint);
}

/** A new secret, answered once; the one before keeps signing (alongside) for 24 hours so receivers can switch. */
export async function rotateWebhookSecret(ctx: Context, organizationId: string, id: string): Promise<WebhookEndpointWithSecretType> {
  const cipher = cipherOf(ctx);
  const endpoint = await findEndpoint(ctx, organizationId, id);
  const secret = newSecret();
  endpoint.previousSecret = endpoint.secret;
  endpoint.previousSecretExpiresAt = new Date(Date.now() + PREVIOUS_SECRET_TTL_MS);
  endpoint.secret = cipher.encrypt(secret);
  recordAudit(ctx, {
    action: 'webhookEndpoint.rotateSecret',
    organizationId,
    targetType: 'WebhookEndpoint',
    targetId: id,
    after: { previousSecretExpiresAt: endpoint.previousSecretExpiresAt },
  });
  await ctx.em.flush();
  return { endpoint: endpointView(endpoint), secret };
}

/** Disabled: deliveries to it are not queued (fire.ts) nor sent; enabled again, its run of failures starts over. */
export async function setWebhookEndpointEnabled(ctx: Context, organizationId: string, id: string, enabled: boolean): Promise<WebhookEndpointType> {
  const endpoint = await findEndpoint(ctx, organizationId, id);
  const before = { disabledAt: endpoint.disabledAt ?? null, failingSince: endpoint.failingSince ?? null };
  if (enabled) Object.assign(endpoint, { disabledAt: null, failingSince: null });
  else endpoint.disabledAt ??= new Date();
  recordAudit(ctx, {
    action: enabled ? 'webhookEndpoint.enable' : 'webhookEndpoint.disable',
    organizationId,
    targetType: 'WebhookEndpoint',
    targetId: id,
    before,
    after: { disabledAt: endpoint.disabledAt ?? null, failingSince: endpoint.failingSince ?? null },
  });
  await ctx.em.flush();
  return endpointView(endpoint);
}

/** Rules that sent to it stop doing so; deliveries still waiting for it fail with the reason. */
export async function deleteWebhookEndpoint(ctx: Context, organizationId: string, id: string): Promise<boolean> {
  const endpoint = await findEndpoint(ctx, organizationId, id);
  await ctx.em.transactional(async (em) => {
    const db = emQueryable(em);
    await db.query('update alert_rules set webhook_endpoint_id = null, updated_at = now() where organization_id = $1 and webhook_endpoint_id = $2', [
      organizationId,
      id,
    ]);
    await db.query(
      `update outbox_messages set status = 'FAILED', last_error = 'The webhook endpoint was deleted' where webhook_endpoint_id = $1 and status = 'PENDING'`,
      [id],
    );
    recordAudit(
      ctx,
      {
        action: 'webhookEndpoint.delete',
        organizationId,
        targetType: 'WebhookEndpoint',
        targetId: id,
        before: { url: endpoint.url, description: endpoint.description },
      },
      em,
    );
    await db.query('delete from webhook_endpoints where id = $1', [id]);
  });
  return true;
}

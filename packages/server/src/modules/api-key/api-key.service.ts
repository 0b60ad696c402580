import { ApiKey, Organization, Project, randomBase62, sha256Hex, type EntityManager } from '@tollgate/db';
import {
  API_KEY_RANDOM_LENGTH,
  ApiKeyOwner,
  apiKeyDisplay,
  apiKeyStatus,
  assertKeyModelsWithinProject,
  assertUnderCap,
  can,
  conflict,
  effectiveCaps,
  forbidden,
  formatApiKey,
  modelNameSchema,
  notFound,
  parseId,
  parseInput,
  personNameSchema,
  ProjectStatus,
  RevocationReason,
  rotationEnd,
} from '@tollgate/domain';
import { LockMode } from '@mikro-orm/core';
import { z } from 'zod';
import type { Context } from '../../context';
import { recordAudit } from '../audit/audit.service';
import { enabledCatalog, organizationGrant, projectGrant } from '../catalog/model-access.service';

const limit = z.number().int().min(1, 'must be at least 1').max(100_000_000, 'must be at most 100000000');
export const createApiKeyInput = z.object({
  name: personNameSchema,
  expiresAt: z
    .date()
    .refine((d) => d > new Date(), 'must be in the future')
    .nullish(),
  allowedModels: z
    .array(modelNameSchema)
    .max(200, 'must hold at most 200 models')
    .transform((m) => [...new Set(m)].sort())
    .nullish(),
  limits: z.object({ rpm: limit.nullish(), tpm: limit.nullish(), dailyBudget: z.bigint().positive('must be positive').nullish() }).nullish(),
  serviceAccount: z.boolean(),
});

/** What the audit trail and logs may know of a key: never the secret or its hash. */
const snapshot = (k: ApiKey) => ({
  name: k.name,
  prefix: k.prefix,
  lastFour: k.lastFour,
  owner: k.owner,
  allowedModels: k.allowedModels ?? null,
  limits: { rpm: k.rpmLimit ?? null, tpm: k.tpmLimit ?? null, dailyBudget: k.dailyBudget ?? null },
  expiresAt: k.expiresAt ?? null,
});

async function mayManageAll(ctx: Context, project: Project) {
  const actor = await ctx.access.actorInProject(project);
  return !!actor && can(actor, 'project.keys.manageAll');
}

const newSecret = () => formatApiKey(randomBase62(API_KEY_RANDOM_LENGTH));

export async function createApiKey(ctx: Context, projectId: string, input: z.input<typeof createApiKeyInput>) {
  const fields = parseInput(createApiKeyInput, input);
  const project = await ctx.em.findOneOrFail(Project, projectId, { populate: ['organization'] });
  if (project.status === ProjectStatus.ARCHIVED) throw conflict('projectId', 'The project is archived; its keys are disabled');
  if (fields.serviceAccount && !(await mayManageAll(ctx, project))) throw forbidden('Only project owners and organization admins create service-account keys');
  const organization = project.organization.getEntity();
  // No privilege escalation: a key only narrows what its project may call.
  assertKeyModelsWithinProject(await enabledCatalog(ctx), organizationGrant(organization), projectGrant(project), fields.allowedModels ?? null);
  return ctx.em.transactional(async (em) => {
    // The project row lock serialises creates, so two at cap minus one make exactly one.
    await em.findOneOrFail(Project, projectId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    return mintApiKey(ctx, em, organization, projectId, fields);
  });
}

/**
 * Writes a key within the caller's transaction (which holds the project row
 * lock) after checking the cap; answers its secret, which exists nowhere else.
 */
export async function mintApiKey(ctx: Context, em: EntityManager, organization: Organization, projectId: string, fields: z.output<typeof createApiKeyInput>) {
  await assertKeyCap(em, organization, projectId);
  const secret = newSecret();
  const key = em.create(ApiKey, {
    project: projectId,
    organizationId: organization.id,
    owner: fields.serviceAccount ? ApiKeyOwner.SERVICE_ACCOUNT : ApiKeyOwner.MEMBER,
    createdBy: ctx.auth!.userId,
    name: fields.name,
    keyHash: sha256Hex(secret),
    ...apiKeyDisplay(secret),
    allowedModels: fields.allowedModels ?? null,
    expiresAt: fields.expiresAt ?? null,
    rpmLimit: fields.limits?.rpm ?? null,
    tpmLimit: fields.limits?.tpm ?? null,
    dailyBudget: fields.limits?.dailyBudget ?? null,
  });
  recordAudit(ctx, { action: 'apiKey.create', organizationId: organization.id, projectId, targetType: 'ApiKey', targetId: key.id, after: snapshot(key) }, em);
  return { secret, apiKey: key };
}

async function assertKeyCap(em: EntityManager, organization: Organization, projectId: string) {
  const caps = effectiveCaps(organization.verificationTier, organization.capOverrides);
  const live = await em.count(ApiKey, { project: projectId, revokedAt: null });
  assertUnderCap(
    'apiKeysPerProject',
    live,
    caps.apiKeysPerProject,
    organization.capOverrides?.apiKeysPerProject == null ? organization.verificationTier : undefined,
  );
}

/** Owners and org admins list every key; a project member lists their own. */
export async function listApiKeys(ctx: Context, projectId: string) {
  const project = await ctx.em.findOneOrFail(Project, projectId);
  const scope = (await mayManageAll(ctx, project)) ? {} : { createdBy: ctx.auth!.userId, owner: ApiKeyOwner.MEMBER };
  return ctx.em.find(ApiKey, { project: projectId, ...scope }, { orderBy: { createdAt: 'desc', id: 'asc' } });
}

/** Who may revoke, rotate or limit a key: its creator while it is theirs (not a service account's), and whoever manages all of the project's keys. */
export async function mayManageKey(ctx: Context, key: ApiKey, project: Project): Promise<boolean> {
  const own = key.owner === ApiKeyOwner.MEMBER && !!ctx.auth && key.createdBy?.id === ctx.auth.userId;
  return own || (await mayManageAll(ctx, project));
}

/** A key the caller may manage; another member's key answers as missing, as it does in their list. */
async function manageableKey(ctx: Context, em: EntityManager, projectId: string, id: string) {
  const key = await em.findOne(ApiKey, { id: parseId(id), project: projectId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const project = await ctx.em.findOneOrFail(Project, projectId);
  if (!key || !(await mayManageKey(ctx, key, project))) throw notFound('API key');
  return { key, project };
}

export function revokeApiKey(ctx: Context, projectId: string, id: string) {
  return ctx.em.transactional(async (em) => {
    const { key } = await manageableKey(ctx, em, projectId, id);
    if (key.revokedAt) return key;
    Object.assign(key, { revokedAt: new Date(), revocationReason: RevocationReason.REVOKED });
    recordAudit(
      ctx,
      {
        action: 'apiKey.revoke',
        organizationId: key.organizationId,
        projectId,
        targetType: 'ApiKey',
        targetId: key.id,
        before: { revokedAt: null },
        after: { revokedAt: key.revokedAt, reason: RevocationReason.REVOKED },
      },
      em,
    );
    return key;
  });
}

/** Replaces a key's own limits (they only narrow its project's and organization's); proxies apply it within a second. */
export function setApiKeyLimits(ctx: Context, projectId: string, id: string, input: z.input<typeof createApiKeyInput.shape.limits>) {
  const limits = parseInput(createApiKeyInput.shape.limits, input, 'limits');
  return ctx.em.transactional(async (em) => {
    const { key } = await manageableKey(ctx, em, projectId, id);
    const before = snapshot(key).limits;
    Object.assign(key, { rpmLimit: limits?.rpm ?? null, tpmLimit: limits?.tpm ?? null, dailyBudget: limits?.dailyBudget ?? null });
    recordAudit(
      ctx,
      {
        action: 'apiKey.setLimits',
        organizationId: key.organizationId,
        projectId,
        targetType: 'ApiKey',
        targetId: key.id,
        before,
        after: snapshot(key).limits,
      },
      em,
    );
    return key;
  });
}

const rotateInput = z.object({
  gracePeriodSeconds: z.number(),
  requestId: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
});

/**
 * A new secret with the same settings; the old key keeps working until the
 * grace period ends. The old key's row lock and (rotatedFromId, requestId)
 * make a retried rotation answer the first one instead of minting again.
 */
export async function rotateApiKey(ctx: Context, projectId: string, id: string, input: z.input<typeof rotateInput>) {
  const { gracePeriodSeconds, requestId } = parseInput(rotateInput, input);
  return ctx.em.transactional(async (em) => {
    const { key: previous, project } = await manageableKey(ctx, em, projectId, id);
    const repeated = await em.findOne(ApiKey, { rotatedFromId: previous.id, rotationRequestId: requestId });
    if (repeated) return { secret: null, apiKey: repeated, previous };
    const now = new Date();
    if (apiKeyStatus(previous, project.status === ProjectStatus.ARCHIVED, now) !== 'ACTIVE') throw conflict('id', 'Only an active key can be rotated');
    if (await em.count(ApiKey, { rotatedFromId: previous.id })) throw conflict('id', 'This key was already rotated; rotate its successor');
    const secret = newSecret();
    const apiKey = em.create(ApiKey, {
      project: projectId,
      organizationId: previous.organizationId,
      owner: previous.owner,
      createdBy: previous.createdBy?.id ?? null,
      name: previous.name,
      keyHash: sha256Hex(secret),
      ...apiKeyDisplay(secret),
      allowedModels: previous.allowedModels ?? null,
      expiresAt: previous.expiresAt ?? null,
      rpmLimit: previous.rpmLimit ?? null,
      tpmLimit: previous.tpmLimit ?? null,
      dailyBudget: previous.dailyBudget ?? null,
      rotatedFromId: previous.id,
      rotationRequestId: requestId,
    });
    const before = { expiresAt: previous.expiresAt ?? null };
    previous.expiresAt = rotationEnd(now, gracePeriodSeconds, previous.expiresAt);
    recordAudit(
      ctx,
      {
        action: 'apiKey.rotate',
        organizationId: previous.organizationId,
        projectId,
        targetType: 'ApiKey',
        targetId: previous.id,
        before,
        after: { expiresAt: previous.expiresAt, successorId: apiKey.id, successorPrefix: apiKey.prefix },
      },
      em,
    );
    return { secret, apiKey, previous };
  });
}

/**
 * The cascade when a membership ends: every key the person created (not the
 * project's service-account keys) is revoked in the same transaction.
 */
export async function revokeKeysOfMember(
  ctx: Context,
  em: EntityManager,
  where: { organizationId: string; projectId?: string; userId: string },
  reason: RevocationReason,
) {
  const keys = await em.find(ApiKey, {
    organizationId: where.organizationId,
    ...(where.projectId ? { project: where.projectId } : {}),
    createdBy: where.userId,
    owner: ApiKeyOwner.MEMBER,
    revokedAt: null,
  });
  const now = new Date();
  for (const key of keys) {
    Object.assign(key, { revokedAt: now, revocationReason: reason });
    recordAudit(
      ctx,
      {
        action: 'apiKey.revoke',
        organizationId: key.organizationId,
        projectId: key.project.id,
        targetType: 'ApiKey',
        targetId: key.id,
        before: { revokedAt: null },
        after: { revokedAt: now, reason },
      },
      em,
    );
  }
  return keys.length;
}

import { CatalogModel, Upstream } from '@tollgate/db';
import { accessGroupSchema, conflict, DomainError, ErrorCode, modelNameSchema, notFound, parseId, parseInput } from '@tollgate/domain';
import { z } from 'zod';
import type { Context } from '../../context';
import { recordAudit } from '../audit/audit.service';

const upstreamInput = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  baseUrl: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
    .max(500)
    .transform((u) => u.replace(/\/+$/, '')),
  credential: z.string().max(4000, 'must be at most 4000 characters').nullish(),
});

function encryptCredential(ctx: Context, credential: string | null | undefined): string | null | undefined {
  if (credential === undefined || credential === null) return undefined;
  if (credential === '') return null;
  if (!ctx.app.credentials)
    throw new DomainError(ErrorCode.VALIDATION, 'The server has no CREDENTIAL_KEY to encrypt credentials with', { field: 'credential' });
  return ctx.app.credentials.encrypt(credential);
}

export const listUpstreams = (ctx: Context) => ctx.em.find(Upstream, {}, { orderBy: { name: 'asc' } });

export async function createUpstream(ctx: Context, input: z.input<typeof upstreamInput>) {
  const { name, baseUrl, credential } = parseInput(upstreamInput, input);
  if (await ctx.em.count(Upstream, { name })) throw conflict('name', `An upstream named "${name}" already exists`);
  const upstream = ctx.em.create(Upstream, { name, baseUrl, credentialCiphertext: encryptCredential(ctx, credential) ?? null });
  // The credential itself never reaches the audit trail: only whether one is set.
  recordAudit(ctx, {
    action: 'upstream.create',
    targetType: 'Upstream',
    targetId: upstream.id,
    after: { name, baseUrl, hasCredential: !!upstream.credentialCiphertext },
  });
  await ctx.em.flush();
  return upstream;
}

export async function updateUpstream(ctx: Context, id: string, input: z.input<typeof upstreamInput>) {
  const { name, baseUrl, credential } = parseInput(upstreamInput, input);
  const upstream = await ctx.em.findOne(Upstream, parseId(id));
  if (!upstream) throw notFound('Upstream');
  if (name !== upstream.name && (await ctx.em.count(Upstream, { name }))) throw conflict('name', `An upstream named "${name}" already exists`);
  const before = { name: upstream.name, baseUrl: upstream.baseUrl, hasCredential: !!upstream.credentialCiphertext };
  const ciphertext = encryptCredential(ctx, credential);
  Object.assign(upstream, { name, baseUrl, updatedAt: new Date(), ...(ciphertext !== undefined ? { credentialCiphertext: ciphertext } : {}) });
  recordAudit(ctx, {
    action: 'upstream.update',
    targetType: 'Upstream',
    targetId: upstream.id,
    before,
    after: { name, baseUrl, hasCredential: !!upstream.credentialCiphertext, credentialChanged: ciphertext !== undefined },
  });
  await ctx.em.flush();
  return upstream;
}

const positiveInt = (max: number) => z.number().int().min(1, 'must be at least 1').max(max, `must be at most ${max}`);
const modelInput = z
  .object({
    name: modelNameSchema,
    upstreamId: z.uuid({ message: 'must be a valid id' }),
    upstreamModel: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
    inputPricePerMillion: z.bigint().nonnegative('must not be negative'),
    cachedInputPricePerMillion: z
      .bigint()
      .nonnegative('must not be negative')
      .nullish()
      .transform((p) => p ?? null),
    outputPricePerMillion: z.bigint().nonnegative('must not be negative'),
    contextWindow: positiveInt(10_000_000),
    defaultMaxOutputTokens: positiveInt(10_000_000),
    groups: z
      .array(accessGroupSchema)
      .max(50, 'must hold at most 50 groups')
      .transform((g) => [...new Set(g)].sort()),
    enabled: z.boolean(),
  })
  .refine((m) => m.defaultMaxOutputTokens <= m.contextWindow, { message: 'must not exceed the context window', path: ['defaultMaxOutputTokens'] })
  // A reservation prices every input token at the input price: it stays an upper bound only so.
  .refine((m) => m.cachedInputPricePerMillion === null || m.cachedInputPricePerMillion <= m.inputPricePerMillion, {
    message: 'must not exceed the input price',
    path: ['cachedInputPricePerMillion'],
  });

export const listCatalogModels = (ctx: Context) => ctx.em.find(CatalogModel, {}, { orderBy: { name: 'asc' } });

const snapshot = (m: CatalogModel) => ({
  name: m.name,
  upstreamId: m.upstream.id,
  upstreamModel: m.upstreamModel,
  inputPricePerMillion: m.inputPricePerMillion,
  cachedInputPricePerMillion: m.cachedInputPricePerMillion ?? null,
  outputPricePerMillion: m.outputPricePerMillion,
  contextWindow: m.contextWindow,
  defaultMaxOutputTokens: m.defaultMaxOutputTokens,
  groups: m.groups,
  enabled: m.enabled,
});

async function assertUpstreamExists(ctx: Context, upstreamId: string) {
  if (!(await ctx.em.count(Upstream, upstreamId))) throw new DomainError(ErrorCode.VALIDATION, 'upstreamId does not name an upstream', { field: 'upstreamId' });
}

export async function createModel(ctx: Context, input: z.input<typeof modelInput>) {
  const { upstreamId, ...fields } = parseInput(modelInput, input);
  await assertUpstreamExists(ctx, upstreamId);
  if (await ctx.em.count(CatalogModel, { name: fields.name })) throw conflict('name', `A model named "${fields.name}" already exists`);
  const model = ctx.em.create(CatalogModel, { ...fields, upstream: upstreamId });
  recordAudit(ctx, { action: 'model.create', targetType: 'Model', targetId: model.id, after: snapshot(model) });
  await ctx.em.flush();
  return model;
}

export async function updateModel(ctx: Context, id: string, input: z.input<typeof modelInput>) {
  const { upstreamId, ...fields } = parseInput(modelInput, input);
  const model = await ctx.em.findOne(CatalogModel, parseId(id));
  if (!model) throw notFound('Model');
  await assertUpstreamExists(ctx, upstreamId);
  if (fields.name !== model.name && (await ctx.em.count(CatalogModel, { name: fields.name })))
    throw conflict('name', `A model named "${fields.name}" already exists`);
  const before = snapshot(model);
  Object.assign(model, fields, { upstream: ctx.em.getReference(Upstream, upstreamId) });
  recordAudit(ctx, { action: 'model.update', targetType: 'Model', targetId: model.id, before, after: snapshot(model) });
  await ctx.em.flush();
  return model;
}

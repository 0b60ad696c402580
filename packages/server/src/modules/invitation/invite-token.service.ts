import { InviteToken, randomBase62, sha256Hex } from '@tollgate/db';
import { descriptionSchema, INVITE_TOKEN_PREFIX, joinUrl, notFound, parseId, parseInput } from '@tollgate/domain';
import { z } from 'zod';
import type { Context } from '../../context';
import { recordAudit } from '../audit/audit.service';

const createInput = z.object({
  description: descriptionSchema.max(200, 'must be at most 200 characters').nullish(),
  expiresAt: z
    .date()
    .refine((d) => d > new Date(), 'must be in the future')
    .nullish(),
  maxUsageCount: z.number().int().min(1, 'must be at least 1').max(100_000, 'must be at most 100000').nullish(),
});

/** A shareable join link: the token is answered once, only its hash is kept. */
export async function createInviteToken(ctx: Context, organizationId: string, input: z.input<typeof createInput>) {
  const { description, expiresAt, maxUsageCount } = parseInput(createInput, input);
  const token = INVITE_TOKEN_PREFIX + randomBase62(32);
  const inviteToken = ctx.em.create(InviteToken, {
    organization: organizationId,
    description: description ?? '',
    expiresAt: expiresAt ?? null,
    maxUsageCount: maxUsageCount ?? null,
    tokenHash: sha256Hex(token),
    prefix: token.slice(0, 12),
    createdBy: ctx.auth!.userId,
  });
  recordAudit(ctx, {
    action: 'inviteToken.create',
    organizationId,
    targetType: 'InviteToken',
    targetId: inviteToken.id,
    after: { description: inviteToken.description, expiresAt: inviteToken.expiresAt, maxUsageCount: inviteToken.maxUsageCount },
  });
  await ctx.em.flush();
  return { inviteToken, token, inviteUrl: joinUrl(ctx.app.config.publicUrl, token) };
}

export function listInviteTokens(ctx: Context, organizationId: string) {
  return ctx.em.find(InviteToken, { organization: organizationId }, { orderBy: { createdAt: 'desc', id: 'asc' } });
}

export async function revokeInviteToken(ctx: Context, organizationId: string, id: string) {
  const inviteToken = await ctx.em.findOne(InviteToken, { id: parseId(id), organization: organizationId });
  if (!inviteToken) throw notFound('Invite token');
  if (!inviteToken.revokedAt) {
    inviteToken.revokedAt = new Date();
    recordAudit(ctx, {
      action: 'inviteToken.revoke',
      organizationId,
      targetType: 'InviteToken',
      targetId: inviteToken.id,
      before: { revokedAt: null },
      after: { revokedAt: inviteToken.revokedAt },
    });
    await ctx.em.flush();
  }
  return inviteToken;
}

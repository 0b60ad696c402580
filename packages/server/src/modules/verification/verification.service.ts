import { Organization, OrganizationVerification } from '@tollgate/db';
import { conflict, effectiveCaps, notFound, parseId, parseInput, VerificationStatus, VerificationTier, verificationRequestSchema } from '@tollgate/domain';
import { LockMode } from '@mikro-orm/core';
import { z } from 'zod';
import type { Context } from '../../context';
import { recordAudit } from '../audit/audit.service';

export const latestVerification = (ctx: Context, organizationId: string) =>
  ctx.em.findOne(OrganizationVerification, { organization: organizationId }, { orderBy: { createdAt: 'desc', id: 'desc' } });

/** An admin submits company details; the organization waits in the operator's queue (PENDING). */
export async function submitVerification(ctx: Context, organizationId: string, input: z.input<typeof verificationRequestSchema>) {
  const details = parseInput(verificationRequestSchema, input);
  return ctx.em.transactional(async (em) => {
    const organization = await em.findOneOrFail(Organization, organizationId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (organization.verificationTier === VerificationTier.ENTERPRISE_VERIFIED) throw conflict('organizationId', 'The organization is already verified');
    if (await em.count(OrganizationVerification, { organization, status: VerificationStatus.PENDING }))
      throw conflict('organizationId', 'A verification request is already pending');
    const request = em.create(OrganizationVerification, { organization, ...details, submittedBy: ctx.auth!.userId });
    recordAudit(
      ctx,
      { action: 'organization.submitVerification', organizationId, targetType: 'OrganizationVerification', targetId: request.id, after: details },
      em,
    );
    return request;
  });
}

export const verificationQueue = (ctx: Context, status: VerificationStatus | null) =>
  ctx.em.find(OrganizationVerification, status ? { status } : {}, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: 500 });

const reasonSchema = z.string().trim().min(1, 'must not be empty').max(1000, 'must be at most 1000 characters');

/** The operator decides a pending request; approval lifts the organization to ENTERPRISE_VERIFIED. */
export function reviewVerification(ctx: Context, id: string, decision: { approve: true } | { approve: false; reason: string }) {
  const reason = decision.approve ? null : parseInput(reasonSchema, decision.reason, 'reason');
  return ctx.em.transactional(async (em) => {
    const request = await em.findOne(OrganizationVerification, parseId(id), { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!request) throw notFound('Verification request');
    if (request.status !== VerificationStatus.PENDING) throw conflict('id', `The request was already ${request.status.toLowerCase()}`);
    const organization = await em.findOneOrFail(Organization, request.organization.id);
    Object.assign(request, {
      status: decision.approve ? VerificationStatus.APPROVED : VerificationStatus.REJECTED,
      rejectionReason: reason,
      reviewedBy: ctx.auth!.userId,
      reviewedAt: new Date(),
    });
    const tierBefore = organization.verificationTier;
    if (decision.approve) organization.verificationTier = VerificationTier.ENTERPRISE_VERIFIED;
    recordAudit(
      ctx,
      {
        action: decision.approve ? 'organization.approveVerification' : 'organization.rejectVerification',
        organizationId: organization.id,
        targetType: 'OrganizationVerification',
        targetId: request.id,
        before: { status: VerificationStatus.PENDING, tier: tierBefore },
        after: { status: request.status, tier: organization.verificationTier, reason },
      },
      em,
    );
    return request;
  });
}

const capsInput = z.object({
  projectsPerOrganization: z.number().int().min(0, 'must not be negative').max(100_000, 'must be at most 100000').nullish(),
  apiKeysPerProject: z.number().int().min(0, 'must not be negative').max(100_000, 'must be at most 100000').nullish(),
});

/** The operator overrides an organization's caps; null returns to the tier's default. */
export async function setOrganizationCaps(ctx: Context, organizationId: string, input: z.input<typeof capsInput>) {
  const caps = parseInput(capsInput, input);
  const organization = await ctx.em.findOne(Organization, parseId(organizationId, 'organizationId'));
  if (!organization) throw notFound('Organization');
  const overrides = Object.fromEntries(Object.entries(caps).filter(([, v]) => v != null));
  recordAudit(ctx, {
    action: 'organization.setCaps',
    organizationId,
    targetType: 'Organization',
    targetId: organizationId,
    before: { overrides: organization.capOverrides ?? null },
    after: { overrides },
  });
  organization.capOverrides = Object.keys(overrides).length ? overrides : null;
  await ctx.em.flush();
  return organization;
}

export const capsOf = (organization: Organization) => effectiveCaps(organization.verificationTier, organization.capOverrides);

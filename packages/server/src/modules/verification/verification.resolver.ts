import { Organization, OrganizationVerification } from '@tollgate/db';
import { can, VerificationStatus, VerificationTier } from '@tollgate/domain';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { once, type Context } from '../../context';
import { Can } from '../../graphql/can';
import { OrganizationType } from '../organization/organization.types';
import { capsOf, latestVerification, reviewVerification, setOrganizationCaps, submitVerification, verificationQueue } from './verification.service';
import { OrganizationCapsInput, OrganizationCapsType, OrganizationVerificationInput, OrganizationVerificationType } from './verification.types';

@Resolver(() => OrganizationVerificationType)
export class VerificationResolver {
  @Mutation(() => OrganizationVerificationType, { description: 'Submits company details for verification; the operator approves or rejects.' })
  @Can('organization.configure', { organization: 'organizationId' })
  submitOrganizationVerification(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('input', () => OrganizationVerificationInput) input: OrganizationVerificationInput,
    @Ctx() ctx: Context,
  ) {
    return submitVerification(ctx, organizationId, input);
  }

  @Query(() => [OrganizationVerificationType], { description: "The operator's verification queue, oldest first." })
  @Can('platform.operate')
  organizationVerifications(@Arg('status', () => VerificationStatus, { nullable: true }) status: VerificationStatus | null, @Ctx() ctx: Context) {
    return verificationQueue(ctx, status ?? null);
  }

  @Mutation(() => OrganizationVerificationType, { description: 'Approves: the organization becomes ENTERPRISE_VERIFIED.' })
  @Can('platform.operate')
  approveOrganizationVerification(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return reviewVerification(ctx, id, { approve: true });
  }

  @Mutation(() => OrganizationVerificationType)
  @Can('platform.operate')
  rejectOrganizationVerification(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: Context) {
    return reviewVerification(ctx, id, { approve: false, reason });
  }

  @Mutation(() => OrganizationType, { description: "Overrides the tier's caps for one organization." })
  @Can('platform.operate')
  setOrganizationCaps(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('caps', () => OrganizationCapsInput) caps: OrganizationCapsInput,
    @Ctx() ctx: Context,
  ) {
    return setOrganizationCaps(ctx, organizationId, caps);
  }

  @FieldResolver(() => OrganizationType)
  organization(@Root() request: OrganizationVerification) {
    return request.organization.load();
  }
}

@Resolver(() => OrganizationType)
export class OrganizationVerificationFieldsResolver {
  @FieldResolver(() => OrganizationVerificationType, { nullable: true, description: 'The latest verification request.' })
  verification(@Root() organization: Organization, @Ctx() ctx: Context) {
    return latest(ctx, organization);
  }

  @FieldResolver(() => Boolean, {
    description:
      'Whether the caller may submit a verification request now: with CONFIGURE, while the organization is not verified and no request is pending (what submitOrganizationVerification checks).',
  })
  async viewerCanRequestVerification(@Root() organization: Organization, @Ctx() ctx: Context) {
    const actor = await ctx.access.actorInOrganization(organization.id);
    if (!actor?.orgRole || !can(actor, 'organization.configure') || organization.verificationTier === VerificationTier.ENTERPRISE_VERIFIED) return false;
    return (await latest(ctx, organization))?.status !== VerificationStatus.PENDING;
  }

  @FieldResolver(() => OrganizationCapsType)
  caps(@Root() organization: Organization) {
    return capsOf(organization);
  }
}

/** The latest request, read once per organization and request for both fields that need it. */
const latest = (ctx: Context, organization: Organization) =>
  once(ctx, `verification.latest:${organization.id}`, () => latestVerification(ctx, organization.id));

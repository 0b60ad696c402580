import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema as buildTypeGraphQLSchema } from 'type-graphql';
import { AuthResolver } from '../auth/auth.resolver';
import { AlertsResolver, MeMobileResolver } from '../modules/alerts/alerts.resolver';
import { AuditResolver } from '../modules/audit/audit.resolver';
import { MemberResolver } from '../modules/member/member.resolver';
import { OrganizationResolver } from '../modules/organization/organization.resolver';
import { ProjectMemberResolver, ProjectResolver } from '../modules/project/project.resolver';
import { BulkInviteReportResolver, InvitationResolver, InviteTokenResolver } from '../modules/invitation/invitation.resolver';
import { OutboxResolver } from '../modules/outbox/outbox.resolver';
import { ApiKeyResolver } from '../modules/api-key/api-key.resolver';
import { ModelResolver, OrganizationModelAccessResolver, ProjectModelAccessResolver, UpstreamResolver } from '../modules/catalog/catalog.resolver';
import { OrganizationVerificationFieldsResolver, VerificationResolver } from '../modules/verification/verification.resolver';
import { OrganizationAuditContentResolver, RequestLogResolver } from '../modules/usage/request-log.resolver';
import { OrganizationTimeZoneResolver, UsageResolver } from '../modules/usage/usage.resolver';
import { LiveResolver } from '../modules/live/live.resolver';
import { LimitsResolver } from '../modules/limits/limits.resolver';
import { ProjectTemplateResolver } from '../modules/template/template.resolver';
import { WalletResolver } from '../modules/wallet/wallet.resolver';
import './enums';

export const RESOLVERS = [
  AuthResolver,
  OrganizationResolver,
  MemberResolver,
  ProjectResolver,
  ProjectMemberResolver,
  AuditResolver,
  InvitationResolver,
  InviteTokenResolver,
  BulkInviteReportResolver,
  OutboxResolver,
  ApiKeyResolver,
  UpstreamResolver,
  ModelResolver,
  OrganizationModelAccessResolver,
  ProjectModelAccessResolver,
  VerificationResolver,
  OrganizationVerificationFieldsResolver,
  RequestLogResolver,
  OrganizationAuditContentResolver,
  LimitsResolver,
  ProjectTemplateResolver,
  WalletResolver,
  UsageResolver,
  OrganizationTimeZoneResolver,
  LiveResolver,
  AlertsResolver,
  MeMobileResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/**
 * type-graphql insists on a PubSub once there are subscriptions; ours never use
 * one: each gives its own `subscribe` (the live hub, modules/live), so this one
 * refuses to be used rather than silently drop events.
 */
const NO_PUBSUB = {
  publish: () => {
    throw new Error('Subscriptions publish through the live hub, not a PubSub');
  },
  subscribe: () => {
    throw new Error('Subscriptions subscribe through the live hub, not a PubSub');
  },
};

/** Builds the schema once per process; type-graphql's metadata is global anyway. */
export function buildSchema(): Promise<GraphQLSchema> {
  built ??= buildTypeGraphQLSchema({ resolvers: RESOLVERS, validate: false, emitSchemaFile: false, pubSub: NO_PUBSUB });
  return built;
}

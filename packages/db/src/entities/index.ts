import { ApiToken } from './api-token.entity';
import { AuditEvent } from './audit-event.entity';
import { Organization } from './organization.entity';
import { OrganizationMember } from './organization-member.entity';
import { Project } from './project.entity';
import { ProjectMember } from './project-member.entity';
import { Session } from './session.entity';
import { User } from './user.entity';
import { Invitation } from './invitation.entity';
import { InviteToken } from './invite-token.entity';
import { BulkInvite } from './bulk-invite.entity';
import { OutboxMessage } from './outbox-message.entity';
import { Upstream } from './upstream.entity';
import { CatalogModel } from './catalog-model.entity';
import { ApiKey } from './api-key.entity';
import { OrganizationVerification } from './organization-verification.entity';
import { RequestLog } from './request-log.entity';
import { UsageHourly } from './usage-hourly.entity';
import { UsageDaily, UsageDailyKey, UsageDailyModel, UsageMinute, UsageQuarterHour } from './usage-rollup.entity';
import { ProjectTemplate } from './project-template.entity';
import { RedemptionBatch, RedemptionCode, Wallet, WalletRecord } from './wallet.entity';
import { Alert, AlertCounter, AlertRule, AlertState, OutboxAttempt, WebhookEndpoint } from './alert.entity';

export {
  ApiToken,
  AuditEvent,
  Organization,
  OrganizationMember,
  Project,
  ProjectMember,
  Session,
  User,
  Invitation,
  InviteToken,
  BulkInvite,
  OutboxMessage,
  Upstream,
  CatalogModel,
  ApiKey,
  OrganizationVerification,
  RequestLog,
  UsageHourly,
  UsageQuarterHour,
  UsageMinute,
  UsageDaily,
  UsageDailyKey,
  UsageDailyModel,
  ProjectTemplate,
  Wallet,
  WalletRecord,
  RedemptionBatch,
  RedemptionCode,
  AlertRule,
  Alert,
  AlertState,
  AlertCounter,
  WebhookEndpoint,
  OutboxAttempt,
};
export { OutboxChannel, OutboxStatus } from './outbox-message.entity';
export type { OrganizationSettings, StoredLimits } from './organization.entity';
export type { StoredTemplateConfig } from './project-template.entity';
export { BaseEntity } from './base';

export const ENTITIES = [
  User,
  Session,
  ApiToken,
  Organization,
  OrganizationMember,
  Project,
  ProjectMember,
  AuditEvent,
  Invitation,
  InviteToken,
  BulkInvite,
  OutboxMessage,
  Upstream,
  CatalogModel,
  ApiKey,
  OrganizationVerification,
  RequestLog,
  UsageHourly,
  UsageQuarterHour,
  UsageMinute,
  UsageDaily,
  UsageDailyKey,
  UsageDailyModel,
  ProjectTemplate,
  Wallet,
  WalletRecord,
  RedemptionBatch,
  RedemptionCode,
  AlertRule,
  Alert,
  AlertState,
  AlertCounter,
  WebhookEndpoint,
  OutboxAttempt,
];

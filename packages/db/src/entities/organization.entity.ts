import { Collection, Entity, Enum, OneToMany, Property, Unique } from '@mikro-orm/core';
import type { Opt } from '@mikro-orm/core';
import { AuditContentPolicy, DEFAULT_CONTENT_RETENTION_DAYS, VerificationTier, type Caps } from '@tollgate/domain';
import { BaseEntity } from './base';
import { OrganizationMember } from './organization-member.entity';
import { Project } from './project.entity';

/** Limits as stored in JSON: counts as numbers, money as micro-unit strings. */
export type StoredLimits = Record<string, number | string | boolean | null>;

export interface OrganizationSettings {
  /** Free-form settings owned by later features (security policy, audit content...). */
  [key: string]: unknown;
}

@Entity({ tableName: 'organizations' })
export class Organization extends BaseEntity {
  /** A short unique identifier (lower case, digits, dashes). */
  @Property({ type: 'string', length: 48 })
  @Unique()
  name!: string;

  @Property({ type: 'string', length: 100 })
  displayName!: string;

  @Enum({ items: () => VerificationTier, nativeEnumName: 'verification_tier', default: VerificationTier.DEFAULT })
  verificationTier: Opt<VerificationTier> = VerificationTier.DEFAULT;

  @Property({ type: 'json', default: '{}' })
  settings: Opt<OrganizationSettings> = {};

  /** Catalog models and access groups the operator granted; projects and keys only narrow them. */
  @Property({ type: 'text[]', default: '{}' })
  grantedModels: Opt<string[]> = [];

  @Property({ type: 'text[]', default: '{}' })
  grantedGroups: Opt<string[]> = [];

  /** How much of each call's content the proxy keeps (NONE, METADATA, FULL), and for how long. */
  @Enum({ items: () => AuditContentPolicy, nativeEnumName: 'audit_content_policy', default: AuditContentPolicy.NONE })
  auditContentPolicy: Opt<AuditContentPolicy> = AuditContentPolicy.NONE;

  @Property({ type: 'integer', default: DEFAULT_CONTENT_RETENTION_DAYS })
  auditContentRetentionDays: Opt<number> = DEFAULT_CONTENT_RETENTION_DAYS;

  /** The IANA zone usage windows follow by default (validated by the domain's parseTimeZone); storage stays UTC. */
  @Property({ type: 'string', length: 64, default: 'UTC' })
  timeZone: Opt<string> = 'UTC';

  /** Organization-wide limits (rpm, tpm, rph, rpd, tpd; dailyBudget, monthlyBudget as micro-unit strings). */
  @Property({ type: 'json', default: '{}' })
  limits: Opt<StoredLimits> = {};

  /** Operator overrides of the tier's caps (projects per organization, API keys per project). */
  @Property({ type: 'json', nullable: true })
  capOverrides?: Partial<Caps> | null;

  @OneToMany({ entity: () => OrganizationMember, mappedBy: 'organization' })
  members = new Collection<OrganizationMember>(this);

  @OneToMany({ entity: () => Project, mappedBy: 'organization' })
  projects = new Collection<Project>(this);
}

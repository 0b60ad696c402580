import { Check, Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import type { Opt } from '@mikro-orm/core';
import { BaseEntity } from './base';
import { Organization, type StoredLimits } from './organization.entity';
import { User } from './user.entity';

/** What a template applies, as stored: quota as in projects.quota (money as micro-unit strings). */
export interface StoredTemplateConfig {
  quota: StoredLimits;
  access: { models: string[]; groups: string[] } | null;
  apiKeyNames: string[];
}

/**
 * A project blueprint. Built-in ones (isSystem) and the operator's public
 * ones have no organization; an organization's own are private to it.
 */
@Entity({ tableName: 'project_templates' })
@Index({ properties: ['organization'] })
// Shared templates (built-in or public) belong to no organization; private ones to exactly one.
@Check({ name: 'project_templates_owner_check', expression: '(is_public or is_system) = (organization_id is null)' })
export class ProjectTemplate extends BaseEntity {
  @ManyToOne({ entity: () => Organization, ref: true, nullable: true, deleteRule: 'cascade' })
  organization?: Ref<Organization> | null;

  @Property({ type: 'string', length: 80 })
  name!: string;

  @Property({ type: 'text', default: '' })
  description: Opt<string> = '';

  @Property({ type: 'string', length: 20 })
  category!: string;

  @Property({ type: 'text[]', default: '{}' })
  tags: Opt<string[]> = [];

  @Property({ type: 'string', length: 500, nullable: true })
  icon?: string | null;

  @Property({ type: 'boolean', default: false })
  isSystem: Opt<boolean> = false;

  @Property({ type: 'boolean', default: false })
  isPublic: Opt<boolean> = false;

  @Property({ type: 'json' })
  config!: StoredTemplateConfig;

  /** Projects created from it; bumped in the creating transaction. */
  @Property({ type: 'integer', default: 0 })
  usageCount: Opt<number> = 0;

  @ManyToOne({ entity: () => User, ref: true, nullable: true, deleteRule: 'set null' })
  createdBy?: Ref<User> | null;
}

import { z } from 'zod';
import { accessGroupSchema, modelNameSchema } from '../catalog/model-access';
import { projectQuotaSchema } from '../limits/stored';
import { descriptionSchema, personNameSchema } from '../tenancy/validation';

export const TemplateCategory = { STARTER: 'Starter', PROFESSIONAL: 'Professional', ENTERPRISE: 'Enterprise', CUSTOM: 'Custom' } as const;
export type TemplateCategory = (typeof TemplateCategory)[keyof typeof TemplateCategory];

/** What a template sets up in a new project: its quota (rate limits and budgets included), model access, and keys to pre-create. */
export const templateConfigSchema = z.object({
  quota: projectQuotaSchema.nullish().transform((q) => q ?? projectQuotaSchema.parse({})),
  /** null: the project inherits all of its organization's models. */
  access: z
    .object({
      models: z
        .array(modelNameSchema)
        .max(500, 'must hold at most 500 models')
        .transform((m) => [...new Set(m)].sort()),
      groups: z
        .array(accessGroupSchema)
        .max(100, 'must hold at most 100 groups')
        .transform((g) => [...new Set(g)].sort()),
    })
    .nullish(),
  /** Service-account keys created with the project; their secrets are shown once. */
  apiKeyNames: z
    .array(personNameSchema)
    .max(20, 'must hold at most 20 keys')
    .refine((names) => new Set(names.map((n) => n.toLowerCase())).size === names.length, 'must not repeat a name')
    .nullish()
    .transform((n) => n ?? []),
});

export const templateInputSchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
  description: descriptionSchema.nullish().transform((d) => d ?? ''),
  category: z
    .enum(TemplateCategory)
    .nullish()
    .transform((c) => c ?? TemplateCategory.CUSTOM),
  tags: z
    .array(z.string().trim().min(1, 'must not be empty').max(32, 'must be at most 32 characters'))
    .max(10, 'must hold at most 10 tags')
    .nullish()
    .transform((t) => t ?? []),
  icon: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
    .max(500)
    .nullish(),
  config: templateConfigSchema,
});

export type TemplateConfig = z.output<typeof templateConfigSchema>;

/**
 * The built-in templates, identical on every instance (fixed ids, written by a
 * migration so their usageCount is counted like any other). Starter is the
 * seed's; each next tier is ten times the one before.
 */
export const BUILT_IN_TEMPLATES = [
  {
    id: '00000000-0000-4000-8000-00000000a001',
    name: 'Starter',
    category: TemplateCategory.STARTER,
    description: 'Entry-level project configuration: individual developers, testing.',
    quota: { dailyRequestLimit: 10_000, monthlyRequestLimit: 100_000, dailyTokenLimit: 1_000_000, monthlyTokenLimit: 10_000_000, requestsPerMinuteLimit: 100 },
  },
  {
    id: '00000000-0000-4000-8000-00000000a002',
    name: 'Professional',
    category: TemplateCategory.PROFESSIONAL,
    description: 'Professional configuration: small and medium teams in production.',
    quota: {
      dailyRequestLimit: 100_000,
      monthlyRequestLimit: 1_000_000,
      dailyTokenLimit: 10_000_000,
      monthlyTokenLimit: 100_000_000,
      requestsPerMinuteLimit: 1_000,
      tokensPerMinuteLimit: 1_000_000,
    },
  },
  {
    id: '00000000-0000-4000-8000-00000000a003',
    name: 'Enterprise',
    category: TemplateCategory.ENTERPRISE,
    description: 'Enterprise configuration: large organizations, high concurrency.',
    quota: {
      dailyRequestLimit: 1_000_000,
      monthlyRequestLimit: 10_000_000,
      dailyTokenLimit: 100_000_000,
      monthlyTokenLimit: 1_000_000_000,
      requestsPerMinuteLimit: 10_000,
      tokensPerMinuteLimit: 10_000_000,
    },
  },
  {
    id: '00000000-0000-4000-8000-00000000a004',
    name: 'Custom',
    category: TemplateCategory.CUSTOM,
    description: 'No limits set: configure the project yourself.',
    quota: {},
  },
] as const;

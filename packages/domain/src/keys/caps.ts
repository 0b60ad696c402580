import { DomainError, ErrorCode, invalid } from '../errors/error-code';
import type { VerificationTier } from '../tenancy/project';

/** Hard ceilings on how many things a tenant may create; operators may override them per organization. */
export type CapKind = 'projectsPerOrganization' | 'apiKeysPerProject';
export type Caps = Record<CapKind, number>;

export const DEFAULT_CAPS: Readonly<Record<VerificationTier, Readonly<Caps>>> = {
  DEFAULT: { projectsPerOrganization: 20, apiKeysPerProject: 50 },
  ENTERPRISE_VERIFIED: { projectsPerOrganization: 50, apiKeysPerProject: 100 },
};

const CAP_LABELS: Record<CapKind, [one: string, many: string]> = {
  projectsPerOrganization: ['project per organization', 'projects per organization'],
  apiKeysPerProject: ['API key per project', 'API keys per project'],
};

/** The tier's defaults with any override on top; an override replaces the default, it may lower or raise it. */
export function effectiveCaps(tier: VerificationTier, overrides?: Partial<Caps> | null): Caps {
  const caps: Caps = { ...DEFAULT_CAPS[tier] };
  for (const kind of Object.keys(CAP_LABELS) as CapKind[]) {
    const value = overrides?.[kind];
    if (value == null) continue;
    if (!Number.isSafeInteger(value) || value < 0) throw invalid(kind, `${kind} must be a non-negative integer`);
    caps[kind] = value;
  }
  return caps;
}

/**
 * Refuses to create one more when `currentCount` already reached `cap`.
 * Pass `tier` when the cap is that tier's default so the message says where it comes from.
 */
export function assertUnderCap(kind: CapKind, currentCount: number, cap: number, tier?: VerificationTier): void {
  if (currentCount < cap) return;
  const [one, many] = CAP_LABELS[kind];
  const source = tier ? ` for verification tier ${tier}` : '';
  throw new DomainError(ErrorCode.LIMIT_CAP_REACHED, `Cap reached: at most ${cap} ${cap === 1 ? one : many}${source}`, { field: kind });
}

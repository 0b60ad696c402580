import { z } from 'zod';
import { invalid } from '../errors/error-code';

/** A callable model and the access groups (labels) it carries. */
export interface CatalogModel {
  name: string;
  groups: readonly string[];
}

/** Models granted by name plus every model carrying one of the groups, now or later. */
export interface AccessGrant {
  models: readonly string[];
  groups: readonly string[];
}

/** Model names are provider identifiers and case-sensitive ("meta-llama/Llama-3.1-8B"); only trim them. */
export const normalizeModelName = (name: string) => name.trim();
export const normalizeAccessGroup = (group: string) => group.trim().toLowerCase();

export const modelNameSchema = z
  .string()
  .transform(normalizeModelName)
  .pipe(
    z
      .string()
      .min(1, 'must not be empty')
      .max(100, 'must be at most 100 characters')
      .regex(/^[A-Za-z0-9._:/-]+$/, 'must be letters, digits and . _ : / -'),
  );

export const accessGroupSchema = z
  .string()
  .transform(normalizeAccessGroup)
  .pipe(
    z
      .string()
      .min(1, 'must not be empty')
      .max(50, 'must be at most 50 characters')
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower case letters, digits and dashes, starting with a letter or digit'),
  );

type GrantMatcher = (model: CatalogModel) => boolean;

/** Sets once per grant, so filtering a large catalog stays linear. */
function matcher(grant: AccessGrant): GrantMatcher {
  const models = new Set(grant.models);
  const groups = new Set(grant.groups);
  return (model) => models.has(model.name) || model.groups.some((g) => groups.has(g));
}

const byName = (a: CatalogModel, b: CatalogModel) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * THE rule for what may be called: the org grant, narrowed by the project
 * grant, narrowed by the key's allowlist. `null` inherits everything from the
 * level above; an empty grant or list allows nothing. Groups are matched
 * against the catalog's current labels, so labelling a model later makes it
 * available wherever its group was granted. Sorted by name.
 */
export function availableModels(
  catalog: readonly CatalogModel[],
  org: AccessGrant,
  project: AccessGrant | null,
  keyAllowedModels: readonly string[] | null,
): CatalogModel[] {
  const byOrg = matcher(org);
  const byProject = project ? matcher(project) : () => true;
  const byKey = keyAllowedModels ? new Set(keyAllowedModels) : null;
  return catalog.filter((m) => byOrg(m) && byProject(m) && (!byKey || byKey.has(m.name))).sort(byName);
}

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

/**
 * A project may only narrow its organization. A model counts as granted when
 * the org names it or grants one of its catalog groups; a group only when the
 * org grants that very group, since it would pick up models labelled later.
 */
export function assertProjectGrantWithinOrganization(catalog: readonly CatalogModel[], org: AccessGrant, projectGrant: AccessGrant | null): void {
  if (!projectGrant) return;
  const byOrg = matcher(org);
  const orgModels = new Set(org.models);
  const catalogByName = new Map(catalog.map((m) => [m.name, m]));
  const models = projectGrant.models.filter((name) => {
    const model = catalogByName.get(name);
    return !(orgModels.has(name) || (model && byOrg(model)));
  });
  if (models.length) throw invalid('models', `The organization does not grant ${models.length === 1 ? 'model' : 'models'} ${quoted(models)}`);
  const orgGroups = new Set(org.groups);
  const groups = projectGrant.groups.filter((g) => !orgGroups.has(g));
  if (groups.length) throw invalid('groups', `The organization does not grant access ${groups.length === 1 ? 'group' : 'groups'} ${quoted(groups)}`);
}

/** A key's allowlist may only name catalog models the project can call. */
export function assertKeyModelsWithinProject(
  catalog: readonly CatalogModel[],
  org: AccessGrant,
  project: AccessGrant | null,
  keyAllowedModels: readonly string[] | null,
): void {
  if (!keyAllowedModels) return;
  const available = new Set(availableModels(catalog, org, project, null).map((m) => m.name));
  const refused = keyAllowedModels.filter((name) => !available.has(name));
  if (refused.length) {
    throw invalid('allowedModels', `The project cannot use ${refused.length === 1 ? 'model' : 'models'} ${quoted(refused)}`);
  }
}

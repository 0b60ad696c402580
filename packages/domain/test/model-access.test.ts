import { describe, expect, it } from 'vitest';
import {
  DomainError,
  ErrorCode,
  accessGroupSchema,
  assertKeyModelsWithinProject,
  assertProjectGrantWithinOrganization,
  availableModels,
  modelNameSchema,
  parseInput,
  type AccessGrant,
  type CatalogModel,
} from '../src';

const catalog: CatalogModel[] = [
  { name: 'gpt-4o', groups: ['openai', 'frontier'] },
  { name: 'gpt-4o-mini', groups: ['openai', 'cheap'] },
  { name: 'claude-sonnet', groups: ['anthropic', 'frontier'] },
  { name: 'claude-haiku', groups: ['anthropic', 'cheap'] },
  { name: 'llama-3-8b', groups: [] },
];
const grant = (models: string[] = [], groups: string[] = []): AccessGrant => ({ models, groups });
const names = (models: CatalogModel[]) => models.map((m) => m.name);

function caught(fn: () => void): DomainError {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a DomainError');
}

describe('availableModels', () => {
  it('grants by name at the organization level', () => {
    expect(names(availableModels(catalog, grant(['llama-3-8b', 'gpt-4o']), null, null))).toEqual(['gpt-4o', 'llama-3-8b']);
  });

  it('grants by group at the organization level, sorted by name', () => {
    expect(names(availableModels(catalog, grant([], ['cheap']), null, null))).toEqual(['claude-haiku', 'gpt-4o-mini']);
    expect(names(availableModels(catalog, grant(['llama-3-8b'], ['anthropic']), null, null))).toEqual(['claude-haiku', 'claude-sonnet', 'llama-3-8b']);
  });

  it('ignores models that are granted but not in the catalog', () => {
    expect(names(availableModels(catalog, grant(['not-yet-listed', 'gpt-4o']), null, null))).toEqual(['gpt-4o']);
  });

  it('lets the project narrow the organization, never widen it', () => {
    const org = grant(['llama-3-8b'], ['openai']);
    expect(names(availableModels(catalog, org, grant([], ['cheap']), null))).toEqual(['gpt-4o-mini']);
    expect(names(availableModels(catalog, org, grant(['gpt-4o', 'claude-sonnet']), null))).toEqual(['gpt-4o']);
  });

  it('lets the key allowlist narrow the project', () => {
    const org = grant([], ['openai', 'anthropic']);
    const project = grant([], ['cheap']);
    expect(names(availableModels(catalog, org, project, ['gpt-4o-mini', 'gpt-4o']))).toEqual(['gpt-4o-mini']);
  });

  it('treats null as inherit and empty as nothing', () => {
    const org = grant([], ['openai']);
    expect(names(availableModels(catalog, org, null, null))).toEqual(['gpt-4o', 'gpt-4o-mini']);
    expect(availableModels(catalog, org, grant(), null)).toEqual([]);
    expect(availableModels(catalog, org, null, [])).toEqual([]);
    expect(availableModels(catalog, grant(), null, null)).toEqual([]);
  });

  it('matches groups dynamically: a model labelled later becomes available where its group was granted', () => {
    const org = grant([], ['open-weights']);
    const project = grant([], ['open-weights']);
    expect(availableModels(catalog, org, project, null)).toEqual([]);
    const relabelled = catalog.map((m) => (m.name === 'llama-3-8b' ? { ...m, groups: ['open-weights'] } : m));
    expect(names(availableModels(relabelled, org, project, null))).toEqual(['llama-3-8b']);
  });
});

describe('assertProjectGrantWithinOrganization', () => {
  const org = grant(['llama-3-8b', 'future-model'], ['openai']);

  it('accepts narrowing grants and null', () => {
    expect(() => assertProjectGrantWithinOrganization(catalog, org, null)).not.toThrow();
    expect(() => assertProjectGrantWithinOrganization(catalog, org, grant())).not.toThrow();
    // gpt-4o is granted through the org's openai group; future-model by name before it is listed.
    expect(() => assertProjectGrantWithinOrganization(catalog, org, grant(['gpt-4o', 'llama-3-8b', 'future-model'], ['openai']))).not.toThrow();
  });

  it('refuses a model the organization does not grant, naming it', () => {
    const error = caught(() => assertProjectGrantWithinOrganization(catalog, org, grant(['gpt-4o', 'claude-sonnet'])));
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe(ErrorCode.VALIDATION);
    expect(error.details.field).toBe('models');
    expect(error.message).toContain('"claude-sonnet"');
    expect(error.message).not.toContain('gpt-4o');
    expect(() => assertProjectGrantWithinOrganization(catalog, org, grant(['unknown-model']))).toThrow(/"unknown-model"/);
  });

  it('refuses a group the organization does not grant, even if the org names all its current models', () => {
    const byName = grant(['claude-haiku', 'gpt-4o-mini']);
    const error = caught(() => assertProjectGrantWithinOrganization(catalog, byName, grant([], ['cheap'])));
    expect(error.code).toBe(ErrorCode.VALIDATION);
    expect(error.details.field).toBe('groups');
    expect(error.message).toContain('"cheap"');
  });
});

describe('assertKeyModelsWithinProject', () => {
  const org = grant(['llama-3-8b'], ['openai']);
  const project = grant(['gpt-4o-mini', 'llama-3-8b']);

  it('accepts null, empty and models the project can use', () => {
    expect(() => assertKeyModelsWithinProject(catalog, org, project, null)).not.toThrow();
    expect(() => assertKeyModelsWithinProject(catalog, org, project, [])).not.toThrow();
    expect(() => assertKeyModelsWithinProject(catalog, org, project, ['llama-3-8b'])).not.toThrow();
    expect(() => assertKeyModelsWithinProject(catalog, org, null, ['gpt-4o'])).not.toThrow();
  });

  it('refuses models outside the project, naming them', () => {
    const error = caught(() => assertKeyModelsWithinProject(catalog, org, project, ['gpt-4o-mini', 'gpt-4o', 'claude-haiku']));
    expect(error.code).toBe(ErrorCode.VALIDATION);
    expect(error.details.field).toBe('allowedModels');
    expect(error.message).toBe('The project cannot use models "gpt-4o", "claude-haiku"');
  });

  it('refuses models not in the catalog', () => {
    expect(() => assertKeyModelsWithinProject(catalog, grant(['ghost']), null, ['ghost'])).toThrow(/"ghost"/);
  });
});

describe('model and group names', () => {
  it('accepts provider model identifiers, trimmed and case preserved', () => {
    expect(parseInput(modelNameSchema, '  meta-llama/Llama-3.1-8B:free ')).toBe('meta-llama/Llama-3.1-8B:free');
    expect(parseInput(modelNameSchema, 'a'.repeat(100))).toHaveLength(100);
  });
  it.each(['', '   ', 'a'.repeat(101), 'gpt 4o', 'gpt-4o?', 'modèle'])('refuses model name %j', (name) => {
    expect(() => parseInput(modelNameSchema, name, 'model')).toThrow(DomainError);
  });
  it('lower-cases access groups', () => {
    expect(parseInput(accessGroupSchema, ' Open-Weights ')).toBe('open-weights');
    expect(parseInput(accessGroupSchema, 'x'.repeat(50))).toHaveLength(50);
  });
  it.each(['', '-cheap', 'x'.repeat(51), 'open_weights', 'a b'])('refuses access group %j', (group) => {
    expect(() => parseInput(accessGroupSchema, group, 'group')).toThrow(DomainError);
  });
});

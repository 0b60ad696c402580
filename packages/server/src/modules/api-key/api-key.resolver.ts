import { ApiKey, Project } from '@tollgate/db';
import { apiKeyStatus, ApiKeyStatus, ProjectStatus } from '@tollgate/domain';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { UserType } from '../../auth/auth.types';
import { once, type Context } from '../../context';
import { Can } from '../../graphql/can';
import { keyModels } from '../catalog/model-access.service';
import { createApiKey, listApiKeys, mayManageKey, revokeApiKey, rotateApiKey, setApiKeyLimits } from './api-key.service';
import { ApiKeyLimitsInput, ApiKeyLimitsType, ApiKeyType, CreateApiKeyInput, CreatedApiKeyType, RotatedApiKeyType } from './api-key.types';

const PROJECT = { project: 'projectId' };

@Resolver(() => ApiKeyType)
export class ApiKeyResolver {
  @Query(() => [ApiKeyType], { description: 'Owners and organization admins see every key; project members see their own.' })
  @Can('project.keys.create', PROJECT)
  apiKeys(@Arg('projectId', () => ID) projectId: string, @Ctx() ctx: Context) {
    return listApiKeys(ctx, projectId);
  }

  @Mutation(() => CreatedApiKeyType)
  @Can('project.keys.create', PROJECT)
  createApiKey(@Arg('projectId', () => ID) projectId: string, @Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput, @Ctx() ctx: Context) {
    return createApiKey(ctx, projectId, input);
  }

  @Mutation(() => ApiKeyType)
  @Can('project.keys.create', PROJECT)
  revokeApiKey(@Arg('projectId', () => ID) projectId: string, @Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return revokeApiKey(ctx, projectId, id);
  }

  @Mutation(() => ApiKeyType, { description: "Replaces the key's own limits (omitted ones are removed); the project's and organization's still bind." })
  @Can('project.keys.create', PROJECT)
  setApiKeyLimits(
    @Arg('projectId', () => ID) projectId: string,
    @Arg('id', () => ID) id: string,
    @Arg('limits', () => ApiKeyLimitsInput) limits: ApiKeyLimitsInput,
    @Ctx() ctx: Context,
  ) {
    return setApiKeyLimits(ctx, projectId, id, limits);
  }

  @Mutation(() => RotatedApiKeyType, {
    description: 'Mints a new secret; the old one works for gracePeriodSeconds more (at most 24 h). Retrying with the same requestId mints nothing new.',
  })
  @Can('project.keys.create', PROJECT)
  rotateApiKey(
    @Arg('projectId', () => ID) projectId: string,
    @Arg('id', () => ID) id: string,
    @Arg('gracePeriodSeconds', () => Int, { defaultValue: 0 }) gracePeriodSeconds: number,
    @Arg('requestId', () => String, { description: 'Any unique string per intended rotation, e.g. a UUID.' }) requestId: string,
    @Ctx() ctx: Context,
  ) {
    return rotateApiKey(ctx, projectId, id, { gracePeriodSeconds, requestId });
  }

  @FieldResolver(() => ID)
  projectId(@Root() key: ApiKey) {
    return key.project.id;
  }

  @FieldResolver(() => ApiKeyStatus)
  status(@Root() key: ApiKey) {
    return statusOf(key);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the caller may revoke, rotate and limit this key: their own key, or any with KEYS_MANAGE_ALL.' })
  async viewerCanManage(@Root() key: ApiKey, @Ctx() ctx: Context) {
    return mayManageKey(ctx, key, (await key.project.load()) as Project);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the caller may revoke this key now: they manage it and it is not revoked yet.' })
  async viewerCanRevoke(@Root() key: ApiKey, @Ctx() ctx: Context) {
    return !key.revokedAt && (await this.viewerCanManage(key, ctx));
  }

  @FieldResolver(() => Boolean, {
    description:
      'Whether the caller may rotate this key now: they manage it, it is ACTIVE, and it has no successor yet (a rotated key works out its grace period; rotate its successor).',
  })
  async viewerCanRotate(@Root() key: ApiKey, @Ctx() ctx: Context) {
    if ((await statusOf(key)) !== ApiKeyStatus.ACTIVE || (await rotatedKeyIds(ctx, key.project.id)).has(key.id)) return false;
    return this.viewerCanManage(key, ctx);
  }

  @FieldResolver(() => UserType, { nullable: true })
  createdBy(@Root() key: ApiKey) {
    return key.createdBy?.load() ?? null;
  }

  @FieldResolver(() => ApiKeyLimitsType)
  limits(@Root() key: ApiKey): ApiKeyLimitsType {
    return { rpm: key.rpmLimit ?? null, tpm: key.tpmLimit ?? null, dailyBudget: key.dailyBudget ?? null };
  }

  @FieldResolver(() => [String], { description: 'Models this key may call now: organization grant, narrowed by project and key.' })
  effectiveModels(@Root() key: ApiKey, @Ctx() ctx: Context) {
    return keyModels(ctx, key);
  }
}

async function statusOf(key: ApiKey) {
  const project = (await key.project.load()) as Project;
  return apiKeyStatus(key, project.status === ProjectStatus.ARCHIVED, new Date());
}

/** The keys of a project that were rotated already (they have a successor): one query per project and request. */
function rotatedKeyIds(ctx: Context, projectId: string): Promise<Set<string>> {
  return once(ctx, `apiKey.rotated:${projectId}`, async () => {
    const rows = await ctx.em
      .createQueryBuilder(ApiKey)
      .select('rotatedFromId')
      .where({ project: projectId, rotatedFromId: { $ne: null } })
      .execute<Array<{ rotatedFromId: string }>>('all', true);
    return new Set(rows.map((row) => row.rotatedFromId));
  });
}

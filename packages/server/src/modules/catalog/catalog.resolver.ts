import { CatalogModel, Organization, Project, Upstream } from '@tollgate/db';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Can, VisibleWith } from '../../graphql/can';
import { OrganizationType } from '../organization/organization.types';
import { ProjectType } from '../project/project.types';
import { createModel, createUpstream, listCatalogModels, listUpstreams, updateModel, updateUpstream } from './catalog.service';
import { ModelAccessInput, ModelAccessType, ModelInput, ModelType, UpstreamInput, UpstreamType } from './catalog.types';
import { modelsAvailable, organizationGrant, projectGrant, setOrganizationModelAccess, setProjectModelAccess } from './model-access.service';

/** The operator's model catalog. */
@Resolver(() => UpstreamType)
export class UpstreamResolver {
  @Query(() => [UpstreamType])
  @Can('platform.operate')
  upstreams(@Ctx() ctx: Context) {
    return listUpstreams(ctx);
  }

  @Mutation(() => UpstreamType)
  @Can('platform.operate')
  createUpstream(@Arg('input', () => UpstreamInput) input: UpstreamInput, @Ctx() ctx: Context) {
    return createUpstream(ctx, input);
  }

  @Mutation(() => UpstreamType)
  @Can('platform.operate')
  updateUpstream(@Arg('id', () => ID) id: string, @Arg('input', () => UpstreamInput) input: UpstreamInput, @Ctx() ctx: Context) {
    return updateUpstream(ctx, id, input);
  }

  @FieldResolver(() => Boolean)
  hasCredential(@Root() upstream: Upstream) {
    return !!upstream.credentialCiphertext;
  }
}

@Resolver(() => ModelType)
export class ModelResolver {
  @Query(() => [ModelType], { description: 'Every model of the catalog, for operators.' })
  @Can('platform.operate')
  catalogModels(@Ctx() ctx: Context) {
    return listCatalogModels(ctx);
  }

  @Mutation(() => ModelType)
  @Can('platform.operate')
  createModel(@Arg('input', () => ModelInput) input: ModelInput, @Ctx() ctx: Context) {
    return createModel(ctx, input);
  }

  @Mutation(() => ModelType)
  @Can('platform.operate')
  updateModel(@Arg('id', () => ID) id: string, @Arg('input', () => ModelInput) input: ModelInput, @Ctx() ctx: Context) {
    return updateModel(ctx, id, input);
  }

  @Query(() => [ModelType], { description: 'The models this project may call.' })
  @Can('project.view', { project: 'projectId' })
  async availableModels(@Arg('projectId', () => ID) projectId: string, @Ctx() ctx: Context) {
    return modelsAvailable(ctx, await ctx.em.findOneOrFail(Project, projectId));
  }

  @Mutation(() => OrganizationType, { description: 'The operator grants an organization models and access groups.' })
  @Can('platform.operate')
  setOrganizationModelAccess(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('access', () => ModelAccessInput) access: ModelAccessInput,
    @Ctx() ctx: Context,
  ) {
    return setOrganizationModelAccess(ctx, organizationId, access);
  }

  @Mutation(() => ProjectType, { description: "Narrows the organization's model access for a project; null inherits all of it." })
  @Can('project.configure', { project: 'projectId' })
  setProjectModelAccess(
    @Arg('projectId', () => ID) projectId: string,
    @Arg('access', () => ModelAccessInput, { nullable: true }) access: ModelAccessInput | null,
    @Ctx() ctx: Context,
  ) {
    return setProjectModelAccess(ctx, projectId, access ?? null);
  }

  /** Where a model runs is the operator's business. */
  @FieldResolver(() => UpstreamType, { nullable: true, description: 'Operators only.' })
  upstream(@Root() model: CatalogModel, @Ctx() ctx: Context) {
    return ctx.auth?.isOperator ? model.upstream.load() : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Operators only.' })
  upstreamModel(@Root() model: CatalogModel, @Ctx() ctx: Context) {
    return ctx.auth?.isOperator ? model.upstreamModel : null;
  }
}

@Resolver(() => OrganizationType)
export class OrganizationModelAccessResolver {
  @FieldResolver(() => ModelAccessType, { description: 'Models and access groups the platform granted this organization.' })
  modelAccess(@Root() organization: Organization) {
    return organizationGrant(organization);
  }
}

@Resolver(() => ProjectType)
export class ProjectModelAccessResolver {
  @FieldResolver(() => ModelAccessType, {
    nullable: true,
    description: "The project's narrowing of its organization's access; null inherits all of it (and for callers who may not view the project).",
  })
  @VisibleWith('project.view')
  modelAccess(@Root() project: Project) {
    return projectGrant(project);
  }
}

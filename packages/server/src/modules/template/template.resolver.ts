import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { Can } from '../../graphql/can';
import * as templates from './template.service';
import { CreateProjectInput, CreateProjectTemplateInput, ProjectFromTemplateType, ProjectTemplateType } from './template.types';

@Resolver(() => ProjectTemplateType)
export class ProjectTemplateResolver {
  @Query(() => [ProjectTemplateType], { description: 'Templates the organization may use: true = built-in and public ones, false = its own, null = all.' })
  @Can('organization.view', { organization: 'organizationId' })
  async projectTemplates(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('isPublic', () => Boolean, { nullable: true }) isPublic: boolean | null,
    @Ctx() ctx: Context,
  ) {
    return (await templates.listTemplates(ctx, organizationId, isPublic ?? null)).map(templates.templateView);
  }

  @Mutation(() => ProjectTemplateType, { description: 'A template private to the organization.' })
  @Can('organization.projects.manage', { organization: 'organizationId' })
  async createProjectTemplate(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('input', () => CreateProjectTemplateInput) input: CreateProjectTemplateInput,
    @Ctx() ctx: Context,
  ) {
    return templates.templateView(await templates.createProjectTemplate(ctx, organizationId, input));
  }

  @Mutation(() => ProjectTemplateType, { description: 'A public template every organization sees (operator).' })
  @Can('platform.operate')
  async createPublicProjectTemplate(@Arg('input', () => CreateProjectTemplateInput) input: CreateProjectTemplateInput, @Ctx() ctx: Context) {
    return templates.templateView(await templates.createPublicProjectTemplate(ctx, input));
  }

  @Mutation(() => ProjectFromTemplateType, {
    description: "Creates a project with the template's quota, model access and keys, all or nothing; the keys' secrets are shown only here.",
  })
  @Can('organization.projects.manage', { organization: 'organizationId' })
  createProjectFromTemplate(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('templateId', () => ID) templateId: string,
    @Arg('input', () => CreateProjectInput) input: CreateProjectInput,
    @Ctx() ctx: Context,
  ) {
    return templates.createProjectFromTemplate(ctx, organizationId, templateId, input);
  }
}

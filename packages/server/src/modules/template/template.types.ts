import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CreatedApiKeyType } from '../api-key/api-key.types';
import { ProjectQuotaInput, ProjectQuotaType } from '../limits/limits.types';
import { CreateProjectInput, ProjectType } from '../project/project.types';

@ObjectType('TemplateModelAccess')
export class TemplateModelAccessType {
  @Field(() => [String]) models!: string[];
  @Field(() => [String]) groups!: string[];
}

@ObjectType('ProjectTemplateConfig')
export class ProjectTemplateConfigType {
  @Field(() => ProjectQuotaType, { description: 'Quota, rate limits and budgets the new project gets.' }) quota!: ProjectQuotaType;
  @Field(() => TemplateModelAccessType, { nullable: true, description: "Null: the project inherits all of its organization's models." })
  access?: TemplateModelAccessType | null;
  @Field(() => [String], { description: 'Service-account keys created with the project.' }) apiKeyNames!: string[];
}

@ObjectType('ProjectTemplate')
export class ProjectTemplateType {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true, description: 'The owning organization; null for built-in and public templates.' }) organizationId?: string | null;
  @Field(() => String) name!: string;
  @Field(() => String) description!: string;
  @Field(() => String, { description: 'Starter, Professional, Enterprise or Custom.' }) category!: string;
  @Field(() => [String]) tags!: string[];
  @Field(() => String, { nullable: true }) icon?: string | null;
  @Field(() => Boolean) isSystem!: boolean;
  @Field(() => Boolean) isPublic!: boolean;
  @Field(() => Int) usageCount!: number;
  @Field(() => ProjectTemplateConfigType) config!: ProjectTemplateConfigType;
  @Field(() => DateTimeResolver) createdAt!: Date;
}

@InputType()
export class TemplateModelAccessInput {
  @Field(() => [String]) models!: string[];
  @Field(() => [String]) groups!: string[];
}

@InputType()
export class ProjectTemplateConfigInput {
  @Field(() => ProjectQuotaInput, { nullable: true }) quota?: ProjectQuotaInput | null;
  @Field(() => TemplateModelAccessInput, { nullable: true }) access?: TemplateModelAccessInput | null;
  @Field(() => [String], { nullable: true }) apiKeyNames?: string[] | null;
}

@InputType()
export class CreateProjectTemplateInput {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true, description: 'Default Custom.' }) category?: string | null;
  @Field(() => [String], { nullable: true }) tags?: string[] | null;
  @Field(() => String, { nullable: true }) icon?: string | null;
  @Field(() => ProjectTemplateConfigInput) config!: ProjectTemplateConfigInput;
}

@ObjectType('ProjectFromTemplate')
export class ProjectFromTemplateType {
  @Field(() => ProjectType) project!: ProjectType;
  @Field(() => [CreatedApiKeyType], { description: 'The pre-created keys; their secrets are shown only here.' }) apiKeys!: CreatedApiKeyType[];
}

export { CreateProjectInput };

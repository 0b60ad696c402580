import { DateTimeResolver, GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('AuditEvent')
export class AuditEventType {
  @Field(() => ID) id!: string;
  @Field(() => DateTimeResolver) createdAt!: Date;
  @Field(() => String) action!: string;
  @Field(() => String) targetType!: string;
  @Field(() => String, { nullable: true }) targetId?: string | null;
  @Field(() => ID, { nullable: true }) projectId?: string | null;
  @Field(() => ID, { nullable: true }) actorUserId?: string | null;
  @Field(() => ID, { nullable: true }) actorTokenId?: string | null;
  @Field(() => GraphQLJSONObject, { nullable: true }) before?: Record<string, unknown> | null;
  @Field(() => GraphQLJSONObject, { nullable: true }) after?: Record<string, unknown> | null;
  @Field(() => String, { nullable: true }) ip?: string | null;
}

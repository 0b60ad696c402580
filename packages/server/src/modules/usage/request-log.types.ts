import { AuditContentPolicy } from '@tollgate/domain';
import { DateTimeResolver, GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MoneyScalar } from '../../graphql/scalars';

registerEnumType(AuditContentPolicy, { name: 'AuditContentPolicy', description: 'NONE: no content; METADATA: parameters and sizes; FULL: request and response text.' });
export const RequestOutcome = { SUCCESS: 'SUCCESS', ERROR: 'ERROR' } as const;
registerEnumType(RequestOutcome, { name: 'RequestOutcome' });

@ObjectType('RequestLog', { description: 'One call through the proxy.' })
export class RequestLogType {
  @Field(() => ID, { description: 'The request id (also the x-request-id response header).' }) id!: string;
  @Field(() => DateTimeResolver) time!: Date;
  @Field(() => ID) apiKeyId!: string;
  @Field(() => ID, { nullable: true }) userId?: string | null;
  @Field(() => String) model!: string;
  @Field(() => Int) status!: number;
  @Field(() => Int) inputTokens!: number;
  @Field(() => Int) outputTokens!: number;
  @Field(() => MoneyScalar) cost!: bigint;
  @Field(() => Int) latencyMs!: number;
  @Field(() => Int, { nullable: true }) upstreamLatencyMs?: number | null;
  @Field(() => Boolean) stream!: boolean;
  @Field(() => String, { nullable: true }) errorCode?: string | null;
  // content is a field resolver (owners and admins only)
}

@ObjectType('RequestLogPage')
export class RequestLogPageType {
  @Field(() => [RequestLogType]) nodes!: RequestLogType[];
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last.' }) endCursor?: string | null;
}

@InputType()
export class RequestLogFilter {
  @Field(() => ID, { nullable: true }) apiKeyId?: string | null;
  @Field(() => String, { nullable: true }) model?: string | null;
  @Field(() => RequestOutcome, { nullable: true }) outcome?: keyof typeof RequestOutcome | null;
  @Field(() => Int, { nullable: true, description: 'An exact HTTP status.' }) status?: number | null;
  @Field(() => DateTimeResolver, { nullable: true }) from?: Date | null;
  @Field(() => DateTimeResolver, { nullable: true }) to?: Date | null;
}

@ObjectType('AuditContentSetting')
export class AuditContentSettingType {
  @Field(() => AuditContentPolicy) policy!: AuditContentPolicy;
  @Field(() => Int) retentionDays!: number;
}

export { GraphQLJSONObject };
export { AuditContentPolicy };

import { AuditContentPolicy, UsageSource } from '@tollgate/domain';
import { DateTimeResolver, GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MoneyScalar } from '../../graphql/scalars';

registerEnumType(AuditContentPolicy, {
  name: 'AuditContentPolicy',
  description: 'NONE: no content; METADATA: parameters and sizes; FULL: request and response text.',
});
export const RequestOutcome = { SUCCESS: 'SUCCESS', ERROR: 'ERROR' } as const;
registerEnumType(RequestOutcome, { name: 'RequestOutcome' });
registerEnumType(UsageSource, {
  name: 'UsageSource',
  description: 'UPSTREAM: the tokens the upstream reported; ESTIMATED: it reported none (or none we could trust), so our tokenizer counted them.',
});

@ObjectType('RequestLog', { description: 'One call through the proxy.' })
export class RequestLogType {
  @Field(() => ID, { description: 'The request id (also the x-request-id response header).' }) id!: string;
  @Field(() => DateTimeResolver) time!: Date;
  @Field(() => ID) apiKeyId!: string;
  @Field(() => ID, { nullable: true }) userId?: string | null;
  @Field(() => String) model!: string;
  @Field(() => Int) status!: number;
  @Field(() => Int, { description: 'Input tokens, cached ones included.' }) inputTokens!: number;
  @Field(() => Int, { description: 'Input tokens the upstream served from its prompt cache (priced at the cached-input price).' }) cachedInputTokens!: number;
  @Field(() => Int, { description: 'Output tokens, reasoning ones included.' }) outputTokens!: number;
  @Field(() => Int) reasoningTokens!: number;
  @Field(() => UsageSource, { nullable: true, description: 'Where the tokens came from; null for a call that used none (refused before it went upstream).' })
  usageSource?: UsageSource | null;
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

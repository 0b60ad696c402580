import { SafeIntResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MoneyScalar } from '../../graphql/scalars';

/** Counts can pass 2^31 (tokens per month), so they are SafeInt, not Int. */
const Count = () => SafeIntResolver;

/** One class for the answer and the input: the same seven optional limits. */
@ObjectType('OrganizationLimits', { description: 'Shared caps for everything in the organization; null means no limit.' })
@InputType('OrganizationLimitsInput')
export class OrganizationLimitsType {
  @Field(Count, { nullable: true, description: 'Requests per rolling minute.' }) rpm?: number | null;
  @Field(Count, { nullable: true, description: 'Tokens per rolling minute.' }) tpm?: number | null;
  @Field(Count, { nullable: true, description: 'Requests per rolling hour.' }) rph?: number | null;
  @Field(Count, { nullable: true, description: 'Requests per UTC day.' }) rpd?: number | null;
  @Field(Count, { nullable: true, description: 'Tokens per UTC day.' }) tpd?: number | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'Spend per UTC day.' }) dailyBudget?: bigint | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'Spend per calendar month (UTC).' }) monthlyBudget?: bigint | null;
}
export { OrganizationLimitsType as OrganizationLimitsInput };

/**
 * A project's eight optional limits, shared by the answer and the input (they differ only in the settings after
 * them). Only its subclasses are used by resolvers, so the schema holds no type of its own for it.
 */
@ObjectType('ProjectLimits')
@InputType('ProjectLimitsInput')
abstract class ProjectLimits {
  @Field(Count, { nullable: true }) dailyRequestLimit?: number | null;
  @Field(Count, { nullable: true }) dailyTokenLimit?: number | null;
  @Field(Count, { nullable: true }) monthlyRequestLimit?: number | null;
  @Field(Count, { nullable: true }) monthlyTokenLimit?: number | null;
  @Field(Count, { nullable: true }) requestsPerMinuteLimit?: number | null;
  @Field(Count, { nullable: true }) tokensPerMinuteLimit?: number | null;
  @Field(() => MoneyScalar, { nullable: true }) dailyBudget?: bigint | null;
  @Field(() => MoneyScalar, { nullable: true }) monthlyBudget?: bigint | null;
}

@ObjectType('ProjectQuota', { description: "A project's quota, rate limits and budgets; null means no limit." })
export class ProjectQuotaType extends ProjectLimits {
  @Field(() => Boolean, { description: 'false: usage is tracked, never refused.' }) enforceQuota!: boolean;
  @Field(() => Int, { description: 'Day of the month (1 to 28) the monthly quota resets on, at 00:00 UTC.' }) customResetDay!: number;
}

@InputType()
export class ProjectQuotaInput extends ProjectLimits {
  @Field(() => Boolean, { nullable: true, description: 'Default true.' }) enforceQuota?: boolean | null;
  @Field(() => Int, { nullable: true, description: 'Default 1.' }) customResetDay?: number | null;
}

@ObjectType('ProjectQuotaSettings')
export class ProjectQuotaSettingsType {
  @Field(() => ID) projectId!: string;
  @Field(() => ProjectQuotaType, { description: 'As asked.' }) quota!: ProjectQuotaType;
  @Field(() => ProjectQuotaType, { description: "As enforced: a limit above the organization's binds at the organization's value." })
  effective!: ProjectQuotaType;
}

export enum QuotaPeriod {
  DAY = 'day',
  MONTH = 'month',
}
registerEnumType(QuotaPeriod, { name: 'QuotaPeriod' });

@ObjectType('DailyQuotaUsage')
export class DailyQuotaUsageType {
  @Field(Count) requestCount!: number;
  @Field(Count) tokenCount!: number;
  @Field(() => MoneyScalar) spent!: bigint;
  @Field(() => String, { description: 'The UTC day, YYYY-MM-DD.' }) date!: string;
}

@ObjectType('MonthlyQuotaUsage')
export class MonthlyQuotaUsageType {
  @Field(Count) requestCount!: number;
  @Field(Count) tokenCount!: number;
  @Field(() => MoneyScalar) spent!: bigint;
  @Field(() => Int) resetDay!: number;
  @Field(() => String, { description: 'The first day of the quota month, YYYY-MM-DD.' }) periodStart!: string;
}

@ObjectType('QuotaLimitRemaining', { description: 'What is left under the effective quota; null where there is no limit.' })
export class QuotaLimitRemainingType {
  @Field(Count, { nullable: true }) dailyRequests?: number | null;
  @Field(Count, { nullable: true }) dailyTokens?: number | null;
  @Field(Count, { nullable: true }) monthlyRequests?: number | null;
  @Field(Count, { nullable: true }) monthlyTokens?: number | null;
  @Field(() => MoneyScalar, { nullable: true }) dailyBudget?: bigint | null;
  @Field(() => MoneyScalar, { nullable: true }) monthlyBudget?: bigint | null;
}

@ObjectType('QuotaUsage')
export class QuotaUsageType {
  @Field(() => ID) projectId!: string;
  @Field(() => QuotaPeriod) period!: QuotaPeriod;
  @Field(() => DailyQuotaUsageType) dailyUsage!: DailyQuotaUsageType;
  @Field(() => MonthlyQuotaUsageType) monthlyUsage!: MonthlyQuotaUsageType;
  @Field(() => QuotaLimitRemainingType) quotaLimitRemaining!: QuotaLimitRemainingType;
  @Field(() => ProjectQuotaType, { description: 'The quota the remaining amounts are measured against.' }) effective!: ProjectQuotaType;
}

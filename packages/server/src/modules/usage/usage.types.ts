import { UsageWindow } from '@tollgate/domain';
import { DateTimeResolver, SafeIntResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MoneyScalar } from '../../graphql/scalars';

registerEnumType(UsageWindow, {
  name: 'UsageWindow',
  description:
    "A window of the query's time zone calendar: MINUTE (ranges up to 2 days, at most 7 days back), HOUR (up to 93 days), DAY (up to 732 days), MONTH (up to 3,660 days).",
});

/** The dimensions a usage row can be grouped by, in the order rows are sorted by. */
export const UsageDimension = { PROJECT: 'PROJECT', API_KEY: 'API_KEY', USER: 'USER', MODEL: 'MODEL', STATUS: 'STATUS' } as const;
export type UsageDimension = (typeof UsageDimension)[keyof typeof UsageDimension];
registerEnumType(UsageDimension, {
  name: 'UsageDimension',
  description: 'USER is the member whose key made the call; STATUS the HTTP status the proxy answered.',
});

/** Counts can pass 2^31 (tokens over a quarter), so they are SafeInt. */
const Count = () => SafeIntResolver;

@InputType({ description: 'Every list narrows the rows; ids outside what the caller may see answer NOT_FOUND, like ids that do not exist.' })
export class UsageFilter {
  @Field(() => [ID], { nullable: true }) projectIds?: string[] | null;
  @Field(() => [ID], { nullable: true }) apiKeyIds?: string[] | null;
  @Field(() => [ID], { nullable: true }) userIds?: string[] | null;
  @Field(() => [String], { nullable: true }) models?: string[] | null;
  @Field(() => [Int], { nullable: true, description: 'HTTP statuses, e.g. [429, 500].' }) statuses?: number[] | null;
}

@ObjectType('UsageFigures', { description: 'Sums over calls.' })
export class UsageFiguresType {
  @Field(Count) requests!: number;
  @Field(Count, { description: 'Calls answered with a status of 400 or more.' }) errors!: number;
  @Field(Count, { description: 'Cached ones included.' }) inputTokens!: number;
  @Field(Count) cachedInputTokens!: number;
  @Field(Count, { description: 'Reasoning ones included.' }) outputTokens!: number;
  @Field(Count) reasoningTokens!: number;
  @Field(() => MoneyScalar) cost!: bigint;
}

@ObjectType('UsageRow', { description: 'One window (and one group, with groupBy): the dimensions not grouped by are null.' })
export class UsageRowType extends UsageFiguresType {
  @Field(() => DateTimeResolver, { description: "The window's start (the range's start for the first window)." }) windowStart!: Date;
  @Field(() => DateTimeResolver, { description: "The window's end, exclusive (the range's end for the last window)." }) windowEnd!: Date;
  @Field(() => ID, { nullable: true }) projectId!: string | null;
  @Field(() => ID, { nullable: true }) apiKeyId!: string | null;
  @Field(() => ID, { nullable: true, description: 'Null too for calls of a service key (no member).' }) userId!: string | null;
  @Field(() => String, { nullable: true }) model!: string | null;
  @Field(() => Int, { nullable: true }) status!: number | null;
}

@ObjectType('UsagePage')
export class UsagePageType {
  @Field(() => [UsageRowType], {
    description: 'Sorted by window, then by the grouped dimensions. Without groupBy every window of the range is here, zero-filled.',
  })
  rows!: UsageRowType[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` (with the same arguments) for the next page; null on the last.' })
  endCursor!: string | null;

  @Field(() => String, { description: 'The IANA zone the windows follow.' }) timeZone!: string;

  @Field(() => DateTimeResolver, {
    description:
      'The snapshot every page of this query reads: calls up to this minute (exclusive). The first page pins it to the current minute and the cursor carries it, so calls that arrive while paging change no page.',
  })
  asOf!: Date;

  // totals: a field resolver, summed only when asked for.
}

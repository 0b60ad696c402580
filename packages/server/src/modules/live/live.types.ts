import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { UsageFiguresType } from '../usage/usage.types';

@ObjectType('LiveUsageRow', { description: "One project's calls to one model." })
export class LiveUsageRowType extends UsageFiguresType {
  @Field(() => ID) projectId!: string;
  @Field(() => String) model!: string;
}

@ObjectType('UsageTick', { description: "What happened since the subscription's previous message, and today so far, in the organization's zone." })
export class UsageTickType {
  @Field(() => ID) organizationId!: string;
  @Field(() => ID, { nullable: true, description: 'The project subscribed to; null for the organization (the projects the subscriber may see).' })
  projectId!: string | null;
  @Field(() => Boolean, { description: 'The first message of a subscription (and after a day ends): `today` from the rollups, `delta` empty.' })
  snapshot!: boolean;
  @Field(() => DateTimeResolver) since!: Date;
  @Field(() => DateTimeResolver) until!: Date;
  @Field(() => UsageFiguresType, { description: 'Calls recorded since the previous message.' }) delta!: UsageFiguresType;
  @Field(() => [LiveUsageRowType], { description: '`delta` by project and model.' }) deltaRows!: LiveUsageRowType[];
  @Field(() => String, { description: "The organization's IANA zone." }) timeZone!: string;
  @Field(() => String, { description: "Today's date in that zone, YYYY-MM-DD." }) day!: string;
  @Field(() => UsageFiguresType, { description: "Today's calls so far." }) today!: UsageFiguresType;
  @Field(() => [LiveUsageRowType], { description: '`today` by project and model.' }) todayRows!: LiveUsageRowType[];
}

import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MoneyScalar } from '../../graphql/scalars';

@ObjectType('Upstream', { description: 'An OpenAI-compatible endpoint; its credential is write-only.' })
export class UpstreamType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) baseUrl!: string;
  @Field(() => DateTimeResolver) createdAt!: Date;
  // hasCredential is a field resolver
}

@InputType()
export class UpstreamInput {
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'e.g. https://api.openai.com/v1' }) baseUrl!: string;
  @Field(() => String, { nullable: true, description: 'Sent as the Bearer token upstream; encrypted at rest, never returned. Omit to keep, "" to clear.' })
  credential?: string | null;
}

@ObjectType('Model', { description: 'A model of the catalog, with prices per million tokens.' })
export class ModelType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'The name clients send as `model`.' }) name!: string;
  @Field(() => MoneyScalar) inputPricePerMillion!: bigint;
  @Field(() => MoneyScalar, { nullable: true, description: 'What a cached input token costs, per million; null: cached tokens cost the input price.' })
  cachedInputPricePerMillion?: bigint | null;
  @Field(() => MoneyScalar) outputPricePerMillion!: bigint;
  @Field(() => Int) contextWindow!: number;
  @Field(() => Int) defaultMaxOutputTokens!: number;
  @Field(() => [String], { description: 'Access-group labels.' }) groups!: string[];
  @Field(() => Boolean) enabled!: boolean;
  // upstream and upstreamModel are field resolvers, for operators only
}

@InputType()
export class ModelInput {
  @Field(() => String) name!: string;
  @Field(() => ID) upstreamId!: string;
  @Field(() => String) upstreamModel!: string;
  @Field(() => MoneyScalar) inputPricePerMillion!: bigint;
  @Field(() => MoneyScalar, { nullable: true, description: 'At most the input price; null or omitted: cached tokens cost the input price.' })
  cachedInputPricePerMillion?: bigint | null;
  @Field(() => MoneyScalar) outputPricePerMillion!: bigint;
  @Field(() => Int) contextWindow!: number;
  @Field(() => Int) defaultMaxOutputTokens!: number;
  @Field(() => [String], { defaultValue: [] }) groups!: string[];
  @Field(() => Boolean, { defaultValue: true }) enabled!: boolean;
}

@ObjectType('ModelAccess', { description: 'Models granted by name and access groups granted by label.' })
export class ModelAccessType {
  @Field(() => [String]) models!: string[];
  @Field(() => [String]) groups!: string[];
}

@InputType()
export class ModelAccessInput {
  @Field(() => [String], { defaultValue: [] }) models!: string[];
  @Field(() => [String], { defaultValue: [] }) groups!: string[];
}

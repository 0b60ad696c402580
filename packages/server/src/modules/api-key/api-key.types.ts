import { ApiKeyOwner, ApiKeyStatus, RevocationReason } from '@tollgate/domain';
import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MoneyScalar } from '../../graphql/scalars';

registerEnumType(ApiKeyStatus, { name: 'ApiKeyStatus', description: 'DISABLED: the project is archived.' });
registerEnumType(ApiKeyOwner, { name: 'ApiKeyOwner', description: 'SERVICE_ACCOUNT keys belong to the project and survive member removal.' });
registerEnumType(RevocationReason, { name: 'RevocationReason' });

@ObjectType('ApiKeyLimits')
export class ApiKeyLimitsType {
  @Field(() => Int, { nullable: true, description: 'Requests per minute.' }) rpm?: number | null;
  @Field(() => Int, { nullable: true, description: 'Tokens per minute.' }) tpm?: number | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'Spend per UTC day.' }) dailyBudget?: bigint | null;
}

@InputType()
export class ApiKeyLimitsInput {
  @Field(() => Int, { nullable: true }) rpm?: number | null;
  @Field(() => Int, { nullable: true }) tpm?: number | null;
  @Field(() => MoneyScalar, { nullable: true }) dailyBudget?: bigint | null;
}

@ObjectType('ApiKey', { description: 'A proxy key. The secret is shown once; only its prefix and last four characters are kept.' })
export class ApiKeyType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'The first characters of the secret.' }) prefix!: string;
  @Field(() => String) lastFour!: string;
  @Field(() => ApiKeyOwner) owner!: ApiKeyOwner;
  @Field(() => [String], { nullable: true, description: "The key's allowlist; null inherits the project's models." }) allowedModels?: string[] | null;
  @Field(() => DateTimeResolver) createdAt!: Date;
  @Field(() => DateTimeResolver, { nullable: true }) expiresAt?: Date | null;
  @Field(() => DateTimeResolver, { nullable: true }) lastUsedAt?: Date | null;
  @Field(() => DateTimeResolver, { nullable: true }) revokedAt?: Date | null;
  @Field(() => RevocationReason, { nullable: true }) revocationReason?: RevocationReason | null;
  @Field(() => ID, { nullable: true, description: 'The key this one replaced by rotation.' }) rotatedFromId?: string | null;
  // projectId, status, createdBy, limits and effectiveModels are field resolvers
}

@InputType()
export class CreateApiKeyInput {
  @Field(() => String) name!: string;
  @Field(() => DateTimeResolver, { nullable: true }) expiresAt?: Date | null;
  @Field(() => [String], { nullable: true, description: 'Null: every model the project may use.' }) allowedModels?: string[] | null;
  @Field(() => ApiKeyLimitsInput, { nullable: true }) limits?: ApiKeyLimitsInput | null;
  @Field(() => Boolean, { defaultValue: false, description: 'Owned by the project instead of the creator (owners and admins only).' }) serviceAccount!: boolean;
}

@ObjectType('CreatedApiKey')
export class CreatedApiKeyType {
  @Field(() => String, { description: 'Shown once; send it as `Authorization: Bearer <secret>` to the proxy.' }) secret!: string;
  @Field(() => ApiKeyType) apiKey!: ApiKeyType;
}

@ObjectType('RotatedApiKey')
export class RotatedApiKeyType {
  @Field(() => String, { nullable: true, description: 'The new secret, shown once: null when this request id already rotated the key.' }) secret?:
    string | null;
  @Field(() => ApiKeyType) apiKey!: ApiKeyType;
  @Field(() => ApiKeyType, { description: "The old key; it works until its expiresAt (the grace period's end)." }) previous!: ApiKeyType;
}

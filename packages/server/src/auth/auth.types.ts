import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';

@ObjectType('User', { description: 'A person, as other members of their organizations see them.' })
export class UserType {
  @Field(() => ID) id!: string;
  @Field(() => String) email!: string;
  @Field(() => String) name!: string;
}

@ObjectType('Me', { description: 'The signed-in user.' })
export class MeType extends UserType {
  @Field(() => Boolean, { description: 'A platform operator manages the model catalog, verification and wallets.' })
  isOperator!: boolean;
}

@InputType()
export class SignUpInput {
  @Field(() => String) email!: string;
  @Field(() => String) name!: string;
  @Field(() => String) password!: string;
  @Field(() => String, { nullable: true, description: "An invitation link's token: the new account joins its organization." }) inviteToken?: string | null;
}

@InputType()
export class SignInInput {
  @Field(() => String) email!: string;
  @Field(() => String) password!: string;
}

@ObjectType('ApiToken', { description: 'A long-lived token for BI tools; the secret is only shown at creation.' })
export class ApiTokenType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'The first characters of the secret.' }) prefix!: string;
  @Field(() => Boolean) readOnly!: boolean;
  @Field(() => DateTimeResolver) createdAt!: Date;
  @Field(() => DateTimeResolver, { nullable: true }) expiresAt?: Date | null;
  @Field(() => DateTimeResolver, { nullable: true }) lastUsedAt?: Date | null;
  @Field(() => DateTimeResolver, { nullable: true }) revokedAt?: Date | null;
}

@ObjectType('CreatedApiToken')
export class CreatedApiTokenType {
  @Field(() => ApiTokenType) token!: ApiTokenType;
  @Field(() => String, { description: 'Shown once; send it as `Authorization: Bearer <secret>`.' }) secret!: string;
}

@InputType()
export class CreateApiTokenInput {
  @Field(() => String) name!: string;
  @Field(() => Boolean, { defaultValue: true }) readOnly!: boolean;
  @Field(() => DateTimeResolver, { nullable: true }) expiresAt?: Date | null;
}

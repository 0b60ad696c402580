import { User } from '@tollgate/db';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { Can, Public } from '../graphql/can';
import { createApiToken, listApiTokens, revokeApiToken, signIn, signOut, signUp } from './auth.service';
import { ApiTokenType, CreateApiTokenInput, CreatedApiTokenType, MeType, SignInInput, SignUpInput } from './auth.types';

@Resolver()
export class AuthResolver {
  @Query(() => MeType, { nullable: true, description: 'The signed-in user, or null.' })
  @Public()
  me(@Ctx() ctx: Context) {
    return ctx.auth ? ctx.em.findOneOrFail(User, ctx.auth.userId) : null;
  }

  @Mutation(() => MeType)
  @Public()
  signUp(@Arg('input', () => SignUpInput) input: SignUpInput, @Ctx() ctx: Context) {
    return signUp(ctx, input);
  }

  @Mutation(() => MeType)
  @Public()
  signIn(@Arg('input', () => SignInInput) input: SignInInput, @Ctx() ctx: Context) {
    return signIn(ctx, input);
  }

  @Mutation(() => Boolean)
  @Public()
  signOut(@Ctx() ctx: Context) {
    return signOut(ctx);
  }

  @Query(() => [ApiTokenType], { description: "The caller's BI API tokens." })
  @Can('user.self')
  apiTokens(@Ctx() ctx: Context) {
    return listApiTokens(ctx);
  }

  @Mutation(() => CreatedApiTokenType)
  @Can('user.self')
  createApiToken(@Arg('input', () => CreateApiTokenInput) input: CreateApiTokenInput, @Ctx() ctx: Context) {
    return createApiToken(ctx, input);
  }

  @Mutation(() => ApiTokenType)
  @Can('user.self')
  revokeApiToken(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return revokeApiToken(ctx, id);
  }
}

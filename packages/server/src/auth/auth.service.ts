import { ApiToken, hashPassword, randomBase62, Session, sha256Hex, User, verifyDecoy, verifyPassword, type EntityManager } from '@tollgate/db';
import {
  conflict,
  DomainError,
  parseId,
  emailSchema,
  ErrorCode,
  notFound,
  parseInput,
  passwordSchema,
  personNameSchema,
  normalizeEmail,
} from '@tollgate/domain';
import { parse as parseCookies, serialize } from 'cookie';
import { z } from 'zod';
import type { Config } from '../config';
import type { Context, RequestFacts } from '../context';
import { recordAudit } from '../modules/audit/audit.service';
import { joinWithToken } from '../modules/invitation/invitation.service';
import { API_TOKEN_PREFIX, SESSION_COOKIE, SESSION_TOKEN_PREFIX, type Auth } from './auth';

/** Finds the caller from the Bearer API token or the session cookie; null when anonymous or invalid. */
export async function resolveAuth(em: EntityManager, config: Config, facts: RequestFacts): Promise<Auth | null> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(facts.authorization ?? '')?.[1];
  if (bearer) return bearer.startsWith(API_TOKEN_PREFIX) ? authFromApiToken(em, bearer) : null;
  const cookie = facts.cookieHeader ? parseCookies(facts.cookieHeader)[SESSION_COOKIE] : undefined;
  if (!cookie?.startsWith(SESSION_TOKEN_PREFIX)) return null;
  const session = await em.findOne(Session, { tokenHash: sha256Hex(cookie), expiresAt: { $gt: new Date() } }, { populate: ['user'] });
  if (!session) return null;
  return { userId: session.user.id, isOperator: session.user.getEntity().isOperator, readOnly: false, sessionId: session.id, expiresAt: session.expiresAt };
}

async function authFromApiToken(em: EntityManager, secret: string): Promise<Auth | null> {
  const token = await em.findOne(ApiToken, { tokenHash: sha256Hex(secret), revokedAt: null }, { populate: ['user'] });
  if (!token || (token.expiresAt && token.expiresAt <= new Date())) return null;
  // lastUsedAt is advisory: written at most once a minute, outside the request's unit of work.
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
    await em.nativeUpdate(ApiToken, { id: token.id }, { lastUsedAt: new Date() });
  }
  return {
    userId: token.user.id,
    isOperator: token.user.getEntity().isOperator,
    readOnly: token.readOnly,
    apiTokenId: token.id,
    expiresAt: token.expiresAt ?? null,
  };
}

const signUpInput = z.object({ email: emailSchema, name: personNameSchema, password: passwordSchema, inviteToken: z.string().max(200).nullish() });

/** Creates the account and, with an invitation link, joins its organization in the same transaction: both or neither. */
export async function signUp(ctx: Context, input: z.input<typeof signUpInput>): Promise<User> {
  const { email, name, password, inviteToken } = parseInput(signUpInput, input);
  if (await ctx.em.count(User, { email })) throw conflict('email', 'An account with this email already exists');
  const passwordHash = await hashPassword(password);
  const user = await ctx.em.transactional(async (em) => {
    const user = em.create(User, { email, name, passwordHash });
    recordAudit(ctx, { action: 'user.signUp', targetType: 'User', targetId: user.id, actorUserId: user.id, after: { email, name } }, em);
    await em.flush();
    if (inviteToken) await joinWithToken(ctx, em, user, inviteToken);
    return user;
  });
  await startSession(ctx, user);
  return user;
}

export async function signIn(ctx: Context, input: { email: string; password: string }): Promise<User> {
  const email = normalizeEmail(input.email);
  const throttle = ctx.app.loginThrottle;
  await throttle.assertAllowed(email, ctx.ip);
  const user = await ctx.em.findOne(User, { email }, { populate: ['passwordHash'] });
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : await verifyDecoy(input.password);
  if (!user || !valid) {
    await throttle.recordFailure(email, ctx.ip);
    throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Invalid email or password');
  }
  await throttle.recordSuccess(email, ctx.ip);
  await startSession(ctx, user);
  return user;
}

async function startSession(ctx: Context, user: User): Promise<void> {
  const secret = SESSION_TOKEN_PREFIX + randomBase62(40);
  const ttl = ctx.app.config.sessionTtlMs;
  ctx.em.create(Session, { user, tokenHash: sha256Hex(secret), expiresAt: new Date(Date.now() + ttl), ip: ctx.ip });
  await ctx.em.flush();
  ctx.setCookie?.(sessionCookie(ctx.app.config, secret, ttl / 1000));
}

export async function signOut(ctx: Context): Promise<boolean> {
  if (ctx.auth?.sessionId) await ctx.em.nativeDelete(Session, { id: ctx.auth.sessionId });
  ctx.setCookie?.(sessionCookie(ctx.app.config, '', 0));
  return true;
}

const sessionCookie = (config: Config, value: string, maxAgeSeconds: number) =>
  serialize(SESSION_COOKIE, value, { httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, path: '/', maxAge: maxAgeSeconds });

const apiTokenInput = z.object({
  name: personNameSchema,
  readOnly: z.boolean(),
  expiresAt: z
    .date()
    .refine((d) => d > new Date(), 'must be in the future')
    .nullish(),
});

/** Creates a BI token; the secret is returned once and only its hash is kept. */
export async function createApiToken(ctx: Context, input: z.input<typeof apiTokenInput>): Promise<{ token: ApiToken; secret: string }> {
  const { name, readOnly, expiresAt } = parseInput(apiTokenInput, input);
  const secret = API_TOKEN_PREFIX + randomBase62(40);
  const token = ctx.em.create(ApiToken, { user: ctx.auth!.userId, name, readOnly, expiresAt, tokenHash: sha256Hex(secret), prefix: secret.slice(0, 10) });
  recordAudit(ctx, { action: 'apiToken.create', targetType: 'ApiToken', targetId: token.id, after: { name, readOnly, expiresAt } });
  await ctx.em.flush();
  return { token, secret };
}

export function listApiTokens(ctx: Context): Promise<ApiToken[]> {
  return ctx.em.find(ApiToken, { user: ctx.auth!.userId }, { orderBy: { createdAt: 'desc' } });
}

export async function revokeApiToken(ctx: Context, id: string): Promise<ApiToken> {
  const token = await ctx.em.findOne(ApiToken, { id: parseId(id), user: ctx.auth!.userId });
  if (!token) throw notFound('API token');
  if (!token.revokedAt) {
    token.revokedAt = new Date();
    recordAudit(ctx, {
      action: 'apiToken.revoke',
      targetType: 'ApiToken',
      targetId: token.id,
      before: { revokedAt: null },
      after: { revokedAt: token.revokedAt },
    });
    await ctx.em.flush();
  }
  return token;
}

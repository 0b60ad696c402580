import { LockMode } from '@mikro-orm/core';
import { emQueryable, OutboxChannel, OutboxMessage, sha256Hex, User } from '@tollgate/db';
import { DomainError, ErrorCode, invalid, mobileNumberSchema, parseInput } from '@tollgate/domain';
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import type { Context } from '../../context';
import { recordAudit } from '../audit/audit.service';

/** How long a code works. */
export const MOBILE_CODE_TTL_MS = 10 * 60_000;
/** A new code (one SMS) at most this often. */
export const MOBILE_RESEND_MS = 60_000;
/** Each wrong code shortens the current one's life by this: five wrong guesses and it is gone. */
const WRONG_CODE_PENALTY = '2 minutes';

/** The code's hash, bound to the user so equal codes of two users differ. */
const codeHash = (userId: string, code: string) => sha256Hex(`mobile:${userId}:${code}`);

/**
 * Stores the caller's mobile number, unverified, and sends it a 6-digit code
 * by SMS (through the outbox, committed with the number): SMS alerts go only
 * to verified numbers. Null or blank removes the number.
 */
export async function setMobileNumber(ctx: Context, raw: string | null | undefined): Promise<User> {
  const userId = ctx.auth!.userId;
  const number = raw?.trim() ? parseInput(mobileNumberSchema, raw.trim(), 'number') : null;
  return ctx.em
    .transactional(async (em) => {
      const user = await em.findOneOrFail(User, userId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const before = { mobileNumber: user.mobileNumber ?? null, verified: user.mobileVerifiedAt != null };
      if (!number) {
        Object.assign(user, { mobileNumber: null, mobileVerifiedAt: null, mobileCodeHash: null, mobileCodeExpiresAt: null });
      } else {
        const sentAt = user.mobileCodeExpiresAt ? user.mobileCodeExpiresAt.getTime() - MOBILE_CODE_TTL_MS : 0;
        const wait = sentAt + MOBILE_RESEND_MS - Date.now();
        if (user.mobileCodeHash && wait > 0) {
          const seconds = Math.ceil(wait / 1000);
          throw new DomainError(ErrorCode.TOO_MANY_REQUESTS, `A code was sent a moment ago: ask for another in ${seconds} s`, { retryAfterSeconds: seconds });
        }
        const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
        Object.assign(user, {
          mobileNumber: number,
          mobileVerifiedAt: null,
          mobileCodeHash: codeHash(userId, code),
          mobileCodeExpiresAt: new Date(Date.now() + MOBILE_CODE_TTL_MS),
        });
        em.create(OutboxMessage, {
          channel: OutboxChannel.SMS,
          to: number,
          subject: 'Tollgate verification code',
          text: `Your Tollgate verification code is ${code}. It expires in 10 minutes.`,
        });
      }
      recordAudit(ctx, { action: 'user.setMobileNumber', targetType: 'User', targetId: userId, before, after: { mobileNumber: number, verified: false } }, em);
      return user;
    })
    .then((user) => {
      if (number) void ctx.app.outbox.kick();
      return user;
    });
}

/**
 * Verifies the number with the code it was sent. Checked and consumed in
 * one UPDATE, so a code works once; a wrong one takes two minutes off the
 * code's ten (five wrong guesses end it), all in the database, so guesses
 * spread over several servers count alike.
 */
export async function verifyMobileNumber(ctx: Context, rawCode: string): Promise<User> {
  const userId = ctx.auth!.userId;
  const code = parseInput(
    z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'must be the 6 digits the SMS gave'),
    rawCode,
    'code',
  );
  const db = emQueryable(ctx.em);
  const { rows } = await db.query<{ id: string }>(
    `update users set mobile_verified_at = now(), mobile_code_hash = null, mobile_code_expires_at = null
      where id = $1 and mobile_code_hash = $2 and mobile_code_expires_at > now() returning id`,
    [userId, codeHash(userId, code)],
  );
  if (!rows.length) {
    await db.query(
      `update users set mobile_code_expires_at = mobile_code_expires_at - interval '${WRONG_CODE_PENALTY}' where id = $1 and mobile_code_hash is not null`,
      [userId],
    );
    throw invalid('code', 'This code is wrong or has expired: ask for a new one');
  }
  recordAudit(ctx, { action: 'user.verifyMobileNumber', targetType: 'User', targetId: userId });
  await ctx.em.flush();
  return ctx.em.findOneOrFail(User, userId, { refresh: true });
}

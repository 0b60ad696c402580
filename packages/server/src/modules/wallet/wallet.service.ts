import { appendMoneyIn, RedemptionBatch, RedemptionCode, sha256Hex, Wallet, WalletRecord } from '@tollgate/db';
import {
  DomainError,
  ErrorCode,
  formatRedemptionCode,
  invalid,
  normaliseRedemptionCode,
  notFound,
  parseInput,
  REDEMPTION_ALPHABET,
  walletRecordsCsv,
  WalletRecordType,
  type WalletRecordRow,
} from '@tollgate/domain';
import { LockMode } from '@mikro-orm/core';
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import type { Context } from '../../context';
import { recordAudit } from '../audit/audit.service';
import type { WalletRecordFilter, WalletType } from './wallet.types';

const view = (w: Wallet): WalletType => {
  const available = w.balance - w.frozenAmount;
  return {
    organizationId: w.organization.id,
    balance: w.balance,
    frozenAmount: w.frozenAmount,
    availableAmount: available > 0n ? available : 0n,
    currency: w.currency,
    isActive: w.isActive,
  };
};

/** Null: the organization is not prepaid (no wallet yet). */
export async function getWallet(ctx: Context, organizationId: string): Promise<WalletType | null> {
  const wallet = await ctx.em.findOne(Wallet, { organization: organizationId }, { refresh: true });
  return wallet && view(wallet);
}

const creditInput = z.object({
  amount: z.bigint().positive('must be positive'),
  reference: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  description: z.string().trim().max(500, 'must be at most 500 characters').nullish(),
});

/**
 * The operator credits a wallet. Idempotent per reference: the same reference
 * again writes nothing and answers the wallet; with another amount it is a
 * CONFLICT, since it cannot be the same payment.
 */
export async function creditWallet(ctx: Context, organizationId: string, input: z.input<typeof creditInput>): Promise<WalletType> {
  const { amount, reference, description } = parseInput(creditInput, input);
  await ctx.em.transactional(async (em) => {
    const written = await appendMoneyIn(em, { organizationId, type: WalletRecordType.RECHARGE, amount, reference, description: description ?? 'Credit' });
    if (written)
      recordAudit(ctx, { action: 'wallet.credit', organizationId, targetType: 'Wallet', targetId: organizationId, after: { amount, reference } }, em);
  });
  return (await getWallet(ctx, organizationId))!;
}

/** Only an existing wallet: switching a non-prepaid organization on or off would make it prepaid with nothing in it. */
export async function setWalletActive(ctx: Context, organizationId: string, isActive: boolean): Promise<WalletType> {
  await ctx.em.transactional(async (em) => {
    const wallet = await em.findOne(Wallet, { organization: organizationId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!wallet) throw notFound('Wallet');
    if (wallet.isActive === isActive) return;
    recordAudit(
      ctx,
      {
        action: 'wallet.setActive',
        organizationId,
        targetType: 'Wallet',
        targetId: organizationId,
        before: { isActive: wallet.isActive },
        after: { isActive },
      },
      em,
    );
    wallet.isActive = isActive;
  });
  return (await getWallet(ctx, organizationId))!;
}

const filterInput = z.object({
  types: z.array(z.enum(WalletRecordType)).max(4).nullish(),
  from: z.date().nullish(),
  to: z.date().nullish(),
});

function whereOf(organizationId: string, filter: z.output<typeof filterInput>) {
  return {
    organizationId,
    ...(filter.types?.length ? { type: { $in: filter.types } } : {}),
    ...(filter.from || filter.to ? { createdAt: { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) } } : {}),
  };
}

/** Newest first by the chain's own order; the cursor is a sequence number. */
export async function listWalletRecords(
  ctx: Context,
  organizationId: string,
  rawFilter: WalletRecordFilter | null | undefined,
  first: number,
  after: string | null,
) {
  const filter = parseInput(filterInput, rawFilter ?? {}, 'filter');
  const limit = parseInput(z.number().int().min(1, 'must be at least 1').max(500, 'must be at most 500'), first, 'first');
  const cursor = after === null ? null : /^\d{1,18}$/.test(after) ? BigInt(after) : null;
  if (after !== null && cursor === null) throw invalid('after', 'after is not a cursor this query gave');
  const where = whereOf(organizationId, filter);
  const rows = await ctx.em.find(
    WalletRecord,
    { ...where, ...(cursor !== null ? { seq: { $lt: cursor } } : {}) },
    { orderBy: { seq: 'desc' }, limit: limit + 1 },
  );
  const nodes = rows.slice(0, limit);
  const types = filter.types?.length ? `{${filter.types.join(',')}}` : null;
  const [totals] = await ctx.em.execute<Array<{ count: number; money_in: string; money_out: string }>>(
    `select count(*)::int as count, coalesce(sum(amount) filter (where amount > 0), 0)::text as money_in, coalesce(-sum(amount) filter (where amount < 0), 0)::text as money_out
       from wallet_records where organization_id = ? and (?::text[] is null or type::text = any(?::text[]))
        and (?::timestamptz is null or created_at >= ?::timestamptz) and (?::timestamptz is null or created_at < ?::timestamptz)`,
    // The types as one array literal (enum-checked above): an array binding would be spread into a list.
    [organizationId, types, types, filter.from ?? null, filter.from ?? null, filter.to ?? null, filter.to ?? null],
  );
  return {
    nodes: nodes.map((r) => ({ ...r, seq: r.seq.toString() })),
    endCursor: rows.length > limit ? nodes.at(-1)!.seq.toString() : null,
    totals: { count: totals!.count, moneyIn: BigInt(totals!.money_in), moneyOut: BigInt(totals!.money_out) },
  };
}

/** Every selected record as CSV (oldest first), at most 100,000. */
export async function exportWalletRecords(ctx: Context, organizationId: string, rawFilter: WalletRecordFilter | null | undefined): Promise<string> {
  const filter = parseInput(filterInput, rawFilter ?? {}, 'filter');
  const rows: WalletRecordRow[] = await ctx.em.find(WalletRecord, whereOf(organizationId, filter), { orderBy: { seq: 'asc' }, limit: 100_000 });
  return walletRecordsCsv(rows);
}

const issueInput = z.object({
  amount: z.bigint().positive('must be positive').max(1_000_000_000_000n, 'must be at most 1000000.00'),
  count: z.number().int().min(1, 'must be at least 1').max(1000, 'must be at most 1000'),
  expiresAt: z.date().refine((d) => d > new Date(), 'must be in the future'),
  description: z.string().trim().max(500, 'must be at most 500 characters').nullish(),
});

const randomCodeBody = () => Array.from({ length: 16 }, () => REDEMPTION_ALPHABET[randomInt(REDEMPTION_ALPHABET.length)]).join('');

/** The operator issues a batch of single-use codes; they are answered once and only their hashes stay. */
export async function issueRedemptionCodes(ctx: Context, input: z.input<typeof issueInput>) {
  const fields = parseInput(issueInput, input);
  const codes = Array.from({ length: fields.count }, () => formatRedemptionCode(randomCodeBody()));
  const batch = await ctx.em.transactional(async (em) => {
    const created = em.create(RedemptionBatch, {
      amount: fields.amount,
      count: fields.count,
      expiresAt: fields.expiresAt,
      description: fields.description ?? '',
      createdById: ctx.auth!.userId,
    });
    for (const code of codes) em.create(RedemptionCode, { batch: created, codeHash: sha256Hex(code), lastFour: code.slice(-4) });
    recordAudit(
      ctx,
      {
        action: 'redemption.issue',
        targetType: 'RedemptionBatch',
        targetId: created.id,
        after: { amount: fields.amount, count: fields.count, expiresAt: fields.expiresAt },
      },
      em,
    );
    return created;
  });
  return { batch, codes };
}

/**
 * Redeems a code into the organization's wallet, exactly once: the claim is
 * a conditional UPDATE, so of any number of concurrent attempts one wins.
 */
export async function redeemCode(ctx: Context, organizationId: string, rawCode: string): Promise<WalletType> {
  const code = normaliseRedemptionCode(parseInput(z.string().max(64, 'is not a redemption code'), rawCode, 'code'));
  await ctx.em.transactional(async (em) => {
    const claimed = await em.execute<Array<{ id: string; amount: string }>>(
      `update redemption_codes c set redeemed_at = now(), redeemed_by_organization_id = ?, redeemed_by_user_id = ?
         from redemption_batches b
        where c.batch_id = b.id and c.code_hash = ? and c.redeemed_at is null and b.expires_at > now()
        returning c.id, b.amount::text as amount`,
      [organizationId, ctx.auth!.userId, sha256Hex(code)],
    );
    if (!claimed.length) throw new DomainError(ErrorCode.REDEMPTION_CODE_UNAVAILABLE, 'This code is unknown, expired or already redeemed', { field: 'code' });
    const { id, amount } = claimed[0]!;
    await appendMoneyIn(em, {
      organizationId,
      type: WalletRecordType.RECHARGE,
      amount: BigInt(amount),
      reference: `redemption:${id}`,
      description: `Redeemed code …${code.slice(-4)}`,
    });
    recordAudit(
      ctx,
      { action: 'wallet.redeem', organizationId, targetType: 'Wallet', targetId: organizationId, after: { codeId: id, amount: BigInt(amount) } },
      em,
    );
  });
  return (await getWallet(ctx, organizationId))!;
}

import { Wallet, WalletRecord } from '@tollgate/db';
import { OrgGrant, OrgRole } from '@tollgate/domain';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { outcome, startHarness } from './support/harness';

const h = await startHarness();
const operator = await h.signedIn(await h.user({ isOperator: true }));
const CREDIT =
  'mutation($o: ID!, $amount: Money!, $ref: String!, $d: String) { creditWallet(organizationId: $o, amount: $amount, reference: $ref, description: $d) { balance frozenAmount availableAmount currency isActive } }';
const WALLET = 'query($o: ID!) { wallet(organizationId: $o) { balance availableAmount isActive } }';
const RECORDS =
  'query($o: ID!, $f: WalletRecordFilter, $first: Int, $after: String) { walletRecords(organizationId: $o, filter: $f, first: $first, after: $after) { nodes { seq type amount previousBalance currentBalance description reference } endCursor totals { count moneyIn moneyOut } } }';
const ISSUE =
  'mutation($amount: Money!, $count: Int!, $exp: DateTime!) { issueRedemptionCodes(amount: $amount, count: $count, expiresAt: $exp) { batch { id count } codes } }';
const REDEEM = 'mutation($o: ID!, $code: String!) { redeemCode(organizationId: $o, code: $code) { balance } }';

async function world() {
  const admin = await h.user();
  const organization = await h.organization(admin);
  return { organization, admin: await h.signedIn(admin) };
}
const records = (organizationId: string) => h.orm.em.fork().find(WalletRecord, { organizationId }, { orderBy: { seq: 'asc' } });

describe('wallet', () => {
  it('is absent until credited, then chains every record onto the balance', async () => {
    const { organization, admin } = await world();
    expect((await admin.gql(WALLET, { o: organization.id })).data!.wallet).toBeNull();
    const first = await operator.gql(CREDIT, { o: organization.id, amount: '5.00', ref: 'inv-1', d: 'Invoice 1' });
    expect(first.data!.creditWallet).toEqual({ balance: '5.00', frozenAmount: '0.00', availableAmount: '5.00', currency: 'USD', isActive: true });
    await operator.gql(CREDIT, { o: organization.id, amount: '2.50', ref: 'inv-2' });
    const page = await admin.gql(RECORDS, { o: organization.id });
    expect(page.data!.walletRecords).toEqual({
      nodes: [
        { seq: '2', type: 'RECHARGE', amount: '2.50', previousBalance: '5.00', currentBalance: '7.50', description: 'Credit', reference: 'inv-2' },
        { seq: '1', type: 'RECHARGE', amount: '5.00', previousBalance: '0.00', currentBalance: '5.00', description: 'Invoice 1', reference: 'inv-1' },
      ],
      endCursor: null,
      totals: { count: 2, moneyIn: '7.50', moneyOut: '0.00' },
    });
  });

  it('writes one record for 50 concurrent credits with one reference, and refuses that reference with another amount', async () => {
    const { organization } = await world();
    const results = await Promise.all(Array.from({ length: 50 }, () => operator.gql(CREDIT, { o: organization.id, amount: '10.00', ref: 'wire-77' })));
    expect(results.map(outcome)).toEqual(Array(50).fill('OK'));
    expect(await records(organization.id)).toHaveLength(1);
    const other = await operator.gql(CREDIT, { o: organization.id, amount: '11.00', ref: 'wire-77' });
    expect(outcome(other)).toBe('CONFLICT');
    expect((await h.orm.em.fork().findOneOrFail(Wallet, { organization: organization.id })).balance).toBe(10_000_000n);
  });

  it('redeems a code once under 100 concurrent attempts, for ADMIN and FINANCE members only', async () => {
    const { organization, admin } = await world();
    const finance = await h.user();
    await h.member(organization, finance, OrgRole.MEMBER, [OrgGrant.FINANCE]);
    const financeClient = await h.signedIn(finance);
    const issued = await operator.gql(ISSUE, { amount: '3.00', count: 2, exp: new Date(Date.now() + 86_400_000).toISOString() });
    const [code, second] = issued.data!.issueRedemptionCodes.codes as string[];
    expect(code).toMatch(/^TGR-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const attempts = await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 ? admin : financeClient).gql(REDEEM, { o: organization.id, code })));
    expect(attempts.filter((r) => outcome(r) === 'OK')).toHaveLength(1);
    expect(new Set(attempts.map(outcome))).toEqual(new Set(['OK', 'REDEMPTION_CODE_UNAVAILABLE']));
    // Lower case, no dashes: the same code.
    expect((await financeClient.gql(REDEEM, { o: organization.id, code: second!.toLowerCase().replaceAll('-', '') })).data!.redeemCode.balance).toBe('6.00');
    expect((await records(organization.id)).map((r) => r.amount)).toEqual([3_000_000n, 3_000_000n]);
    const expired = await operator.gql(ISSUE, { amount: '1.00', count: 1, exp: new Date(Date.now() - 1000).toISOString() });
    expect(outcome(expired)).toBe('VALIDATION');
    expect(outcome(await admin.gql(REDEEM, { o: organization.id, code: 'not a code' }))).toBe('VALIDATION');
  });

  it('pages by cursor with totals over the filter, and exports CSV that opens as plain text', async () => {
    const { organization, admin } = await world();
    for (const [i, description] of ['=HYPERLINK("http://evil")', '+1+1', "-2+3+cmd|' /C calc'!A0", '@SUM(A1)', 'plain, with "quotes"'].entries()) {
      await operator.gql(CREDIT, { o: organization.id, amount: `${i + 1}.00`, ref: `r-${i}`, d: description });
    }
    const first = await admin.gql(RECORDS, { o: organization.id, first: 4 });
    expect(first.data!.walletRecords.nodes.map((n: { seq: string }) => n.seq)).toEqual(['5', '4', '3', '2']);
    expect(first.data!.walletRecords.totals).toEqual({ count: 5, moneyIn: '15.00', moneyOut: '0.00' });
    const rest = await admin.gql(RECORDS, { o: organization.id, first: 4, after: first.data!.walletRecords.endCursor });
    expect(rest.data!.walletRecords.nodes.map((n: { seq: string }) => n.seq)).toEqual(['1']);
    expect(rest.data!.walletRecords.endCursor).toBeNull();
    expect((await admin.gql(RECORDS, { o: organization.id, f: { types: ['CONSUME'] } })).data!.walletRecords.totals.count).toBe(0);

    const csv = (await admin.gql('query($o: ID!) { walletRecordsCsv(organizationId: $o) }', { o: organization.id })).data!.walletRecordsCsv as string;
    expect(csv.split('\r\n')[0]).toBe('createdAt,type,amount,previousBalance,currentBalance,description,reference,requestLogId');
    const rows = parse(csv, { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.description)).toEqual(['\'=HYPERLINK("http://evil")', "'+1+1", "'-2+3+cmd|' /C calc'!A0", "'@SUM(A1)", 'plain, with "quotes"']);
    expect(rows.map((r) => r.amount)).toEqual(['1.00', '2.00', '3.00', '4.00', '5.00']);
    for (const row of rows) for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+@\t\r]/);
  });

  it('keeps records append-only and the balance only movable through them, in the database itself', async () => {
    const { organization } = await world();
    await operator.gql(CREDIT, { o: organization.id, amount: '1.00', ref: 'x' });
    const db = h.orm.em.getConnection();
    await expect(db.execute('update wallet_records set amount = 999 where organization_id = ?', [organization.id])).rejects.toThrow(/append-only/);
    await expect(db.execute('delete from wallet_records where organization_id = ?', [organization.id])).rejects.toThrow(/append-only/);
    await expect(db.execute('update wallets set balance = 999 where organization_id = ?', [organization.id])).rejects.toThrow(/only through its records/);
    expect((await records(organization.id)).map((r) => r.amount)).toEqual([1_000_000n]);
  });
});

import { AuditEvent, BulkInvite, Invitation, OutboxMessage } from '@tollgate/db';
import { describe, expect, it } from 'vitest';
import { outcome, startHarness } from './support/harness';

const h = await startHarness();
const UPLOAD = `mutation($o: ID!, $csv: String!) { bulkInviteMembers(organizationId: $o, csv: $csv) {
  id status totalCount successCount failureCount csv records { row email name status code reason inviteUrl } } }`;

async function organizationWithMembers(memberEmails: string[]) {
  const admin = await h.user();
  const organization = await h.organization(admin);
  for (const email of memberEmails) await h.member(organization, await h.user({ email }));
  return { organization, client: await h.signedIn(admin) };
}

/**
 * 500 rows: 482 new people, 10 repeats of them in other case and spacing,
 * 5 malformed addresses and 3 existing members, shuffled deterministically.
 */
function fiveHundredRows(tag: string) {
  const fresh = Array.from({ length: 482 }, (_, i) => `person${i}-${tag}@example.test`);
  const duplicates = fresh.slice(0, 10).map((e, i) => (i % 2 ? `  ${e.toUpperCase()} ` : e.replace('person', 'PERSON')));
  const invalid = ['no-at-sign', 'two@@example.test', '@example.test', 'spaces in@example.test', 'trailing@'];
  const existing = [0, 1, 2].map((i) => `member${i}-${tag}@example.test`);
  const rows = [
    ...fresh.map((e) => [e, 'member']),
    ...duplicates.map((e) => [e, 'member']),
    ...invalid.map((e) => [e, 'member']),
    ...existing.map((e) => [e, 'admin']),
  ];
  const shuffled = rows
    .map((r, i) => ({ r, k: (i * 7919) % rows.length }))
    .sort((a, b) => a.k - b.k)
    .map(({ r }) => r);
  const csv = ['email,name,role', ...shuffled.map(([email, role], i) => `${email},"Person ${i}, Esq.",${role}`)].join('\r\n');
  return { csv, existing, invalid };
}

describe('bulk CSV invite', () => {
  it('invites 482 of 500 rows, reports every other row, and invites nobody twice on re-upload', async () => {
    const { csv, existing } = fiveHundredRows(Date.now().toString(36));
    const { organization, client } = await organizationWithMembers(existing);
    const preview = await client.gql(
      'query($o: ID!, $csv: String!) { previewBulkInvite(organizationId: $o, csv: $csv) { status successCount records { code inviteUrl } } }',
      { o: organization.id, csv },
    );
    expect(preview.data!.previewBulkInvite).toMatchObject({ status: 'PREVIEW', successCount: 482 });
    expect(await h.orm.em.fork().count(Invitation, { organization: organization.id })).toBe(0);

    const result = await client.gql(UPLOAD, { o: organization.id, csv });
    expect(outcome(result)).toBe('OK');
    const report = result.data!.bulkInviteMembers;
    expect(report.records.map((r: { code: string | null }) => r.code)).toEqual(
      preview.data!.previewBulkInvite.records.map((r: { code: string | null }) => r.code),
    );
    expect(report).toMatchObject({ status: 'COMPLETED', totalCount: 500, successCount: 482, failureCount: 18 });
    const byCode = (code: string | null) => report.records.filter((r: { code: string | null }) => r.code === code);
    expect(byCode(null)).toHaveLength(482);
    expect(byCode('DUPLICATE_IN_FILE')).toHaveLength(10);
    expect(byCode('INVALID_EMAIL')).toHaveLength(5);
    expect(
      byCode('ALREADY_MEMBER')
        .map((r: { email: string }) => r.email)
        .sort(),
    ).toEqual([...existing].sort());
    expect(report.records.map((r: { row: number }) => r.row)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    for (const r of byCode(null)) expect(r.inviteUrl).toMatch(/\/join\?token=invitation_/);
    for (const r of byCode('DUPLICATE_IN_FILE')) expect(r.reason).toMatch(/^Same email as row \d+$/);
    expect(report.csv.split('\r\n')[0]).toBe('row,email,name,status,code,reason,inviteUrl');

    const em = h.orm.em.fork();
    expect(await em.count(Invitation, { organization: organization.id, status: 'PENDING' })).toBe(482);
    expect(await em.count(AuditEvent, { organizationId: organization.id, action: 'invitation.create' })).toBe(482);
    // The stored report keeps no links.
    const stored = await em.findOneOrFail(BulkInvite, report.id);
    expect(stored.records.every((r) => r.inviteUrl === null)).toBe(true);

    const again = await client.gql(UPLOAD, { o: organization.id, csv });
    expect(again.data!.bulkInviteMembers).toMatchObject({ successCount: 0, failureCount: 500 });
    expect(again.data!.bulkInviteMembers.records.filter((r: { code: string }) => r.code === 'ALREADY_INVITED')).toHaveLength(482);
    expect(await em.fork().count(Invitation, { organization: organization.id })).toBe(482);
  });

  it('refuses a 501-row file whole', async () => {
    const { organization, client } = await organizationWithMembers([]);
    const csv = ['email,name,role', ...Array.from({ length: 501 }, (_, i) => `p${i}@example.test,P,member`)].join('\n');
    const result = await client.gql(UPLOAD, { o: organization.id, csv });
    expect(result.errors?.[0]).toMatchObject({
      message: 'The file has 501 data rows; at most 500 are allowed',
      extensions: { code: 'VALIDATION', field: 'csv' },
    });
    expect(await h.orm.em.fork().count(Invitation, { organization: organization.id })).toBe(0);
  });

  it('gives one clear error for a file that is not CSV, has the wrong header or is over 1 MiB', async () => {
    const { organization, client } = await organizationWithMembers([]);
    const before = await h.orm.em.fork().count(OutboxMessage);
    const cases: Array<[string, RegExp]> = [
      ['email,name,role\n"unterminated,Bob,member\n', /^The file is not valid CSV/],
      ['mail,fullname,role\na@example.test,A,member\n', /^The header must be "email,name,role"/],
      ['email,name,role\n' + `a@example.test,${'x'.repeat(1024 * 1024)},member\n`, /^The file is larger than 1 MiB$/],
      ['email,name,role\n', /^The file has no data rows$/],
    ];
    for (const [csv, message] of cases) {
      const result = await client.gql(UPLOAD, { o: organization.id, csv });
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'VALIDATION', field: 'csv' });
      expect(result.errors![0]!.message).toMatch(message);
    }
    expect(await h.orm.em.fork().count(Invitation, { organization: organization.id })).toBe(0);
    expect(await h.orm.em.fork().count(OutboxMessage)).toBe(before);
  });

  it('reports bad roles, unknown projects and admins invited by a member manager, and neutralises formulas in the CSV report', async () => {
    const admin = await h.user();
    const organization = await h.organization(admin);
    await h.project(organization, 'web');
    const manager = await h.user();
    await h.member(organization, manager, 'MEMBER', ['MEMBER_MANAGEMENT']);
    const client = await h.signedIn(manager);
    const csv = [
      'Email,Name,Role,Project,ProjectRole',
      'a@example.test,"=HYPERLINK(""http://evil"")",member,web,owner',
      'b@example.test,B,boss,,',
      'c@example.test,C,member,nowhere,member',
      'd@example.test,D,admin,,',
      'e@example.test,E,member,web,chief',
    ].join('\n');
    const report = (await client.gql(UPLOAD, { o: organization.id, csv })).data!.bulkInviteMembers;
    expect(report.records.map((r: { code: string | null }) => r.code)).toEqual([
      null,
      'INVALID_ROLE',
      'UNKNOWN_PROJECT',
      'ROLE_NOT_ALLOWED',
      'INVALID_PROJECT_ROLE',
    ]);
    expect(report.csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });
});

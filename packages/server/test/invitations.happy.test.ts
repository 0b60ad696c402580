import { AuditEvent, Invitation, OutboxMessage, ProjectMember, User } from '@tollgate/db';
import { OrgRole } from '@tollgate/domain';
import { describe, expect, it } from 'vitest';
import { outcome, startHarness } from './support/harness';
import { linkIn, startSmtpSink, tokenOf } from './support/smtp-sink';

const smtp = await startSmtpSink();
const h = await startHarness({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://tollgate.example' });
const offline = await startHarness();

const INVITE = `mutation($organizationId: ID!, $invitations: [InvitationInput!]!) {
  inviteMembers(organizationId: $organizationId, invitations: $invitations) { inviteUrl invitation { id email role status expiresAt invitedBy { name } } } }`;

async function adminWithOrg() {
  const admin = await h.user({ name: 'Ada Admin' });
  const organization = await h.organization(admin);
  return { admin, organization, client: await h.signedIn(admin) };
}

describe('invite by email', () => {
  it('mails each invitee a personal link over SMTP, lists it as pending and admits only that address', async () => {
    const { organization, client } = await adminWithOrg();
    const email = `Grace-${Date.now()}@Example.test`;
    const invited = await client.gql(INVITE, { organizationId: organization.id, invitations: [{ email: ` ${email} `, name: 'Grace', role: 'MEMBER' }] });
    expect(outcome(invited)).toBe('OK');
    const [created] = invited.data!.inviteMembers;
    expect(created.invitation).toMatchObject({ email: email.toLowerCase(), role: 'MEMBER', status: 'PENDING', invitedBy: { name: 'Ada Admin' } });
    expect(created.inviteUrl).toMatch(/^https:\/\/tollgate\.example\/join\?token=invitation_[0-9A-Za-z]{32}$/);

    await h.app.services.outbox.kick();
    const [mail] = smtp.to(email.toLowerCase());
    expect(mail?.subject).toBe(`Ada Admin invited you to ${organization.displayName} on Tollgate`);
    expect(linkIn(mail!)).toBe(created.inviteUrl);
    // Delivered over SMTP: the outbox keeps the envelope, not the link.
    const outboxRow = await h.orm.em.fork().findOneOrFail(OutboxMessage, { to: email.toLowerCase() });
    expect(outboxRow).toMatchObject({ status: 'SENT', text: null });

    const pending = await client.gql('query($id: ID!) { invitations(organizationId: $id) { email status } }', { id: organization.id });
    expect(pending.data!.invitations).toEqual([{ email: email.toLowerCase(), status: 'PENDING' }]);

    // Someone else signed in cannot use the personal link.
    const stranger = await h.signedIn(await h.user());
    const refused = await stranger.gql('mutation($token: String!) { acceptInvite(token: $token) { id } }', { token: tokenOf(created.inviteUrl) });
    expect(outcome(refused)).toBe('INVITATION_UNAVAILABLE');

    const invitee = await h.user({ email: email.toLowerCase() });
    const accepted = await (
      await h.signedIn(invitee)
    ).gql('mutation($token: String!) { acceptInvite(token: $token) { id displayName viewer { role } } }', { token: tokenOf(created.inviteUrl) });
    expect(accepted.data!.acceptInvite).toMatchObject({ id: organization.id, viewer: { role: 'MEMBER' } });
    const after = await client.gql('query($id: ID!) { invitations(organizationId: $id) { email } }', { id: organization.id });
    expect(after.data!.invitations).toEqual([]);
    const used = await stranger.gql('query($token: String!) { invitationPreview(token: $token) { email } }', { token: tokenOf(created.inviteUrl) });
    expect(used.errors?.[0]?.message).toBe('This invitation has already been accepted');
  });

  it('signs a new user up through a personal link, into the organization and its project', async () => {
    const { organization, client } = await adminWithOrg();
    const project = await h.project(organization, 'research');
    const csv = `email,name,role,project,projectRole\nnew-${Date.now()}@example.test,Newton,member,research,owner\n`;
    const report = await client.gql(
      'mutation($o: ID!, $csv: String!) { bulkInviteMembers(organizationId: $o, csv: $csv) { successCount records { email inviteUrl } } }',
      { o: organization.id, csv },
    );
    const [record] = report.data!.bulkInviteMembers.records;
    const preview = await h.anonymous().gql('query($token: String!) { invitationPreview(token: $token) { kind organizationDisplayName email name role } }', {
      token: tokenOf(record.inviteUrl),
    });
    expect(preview.data!.invitationPreview).toEqual({
      kind: 'EMAIL',
      organizationDisplayName: organization.displayName,
      email: record.email,
      name: 'Newton',
      role: 'MEMBER',
    });

    const visitor = h.anonymous();
    const signedUp = await visitor.gql('mutation($input: SignUpInput!) { signUp(input: $input) { id } }', {
      input: { email: record.email, name: 'Newton', password: 'Sturdy-Pass-1', inviteToken: tokenOf(record.inviteUrl) },
    });
    expect(outcome(signedUp)).toBe('OK');
    const projects = await visitor.gql('query($id: ID!) { projects(organizationId: $id) { name viewer { role } } }', { id: organization.id });
    expect(projects.data!.projects).toEqual([{ name: 'research', viewer: { role: 'OWNER' } }]);
    const em = h.orm.em.fork();
    expect(await em.count(ProjectMember, { project: project.id, user: signedUp.data!.signUp.id })).toBe(1);
  });

  it('resends with a fresh link (the old one stops working) and revokes', async () => {
    const { organization, client } = await adminWithOrg();
    const email = `resend-${Date.now()}@example.test`;
    const invited = await client.gql(INVITE, { organizationId: organization.id, invitations: [{ email, name: 'Re', role: 'MEMBER' }] });
    const { invitation, inviteUrl: first } = invited.data!.inviteMembers[0];
    const resent = await client.gql('mutation($o: ID!, $id: ID!) { resendInvitation(organizationId: $o, id: $id) { inviteUrl } }', {
      o: organization.id,
      id: invitation.id,
    });
    const second = resent.data!.resendInvitation.inviteUrl;
    expect(second).not.toBe(first);
    await h.app.services.outbox.kick();
    expect(smtp.to(email).map(linkIn)).toEqual([first, second]);
    const old = await h.anonymous().gql('query($token: String!) { invitationPreview(token: $token) { email } }', { token: tokenOf(first) });
    expect(outcome(old)).toBe('INVITATION_UNAVAILABLE');

    const revoked = await client.gql('mutation($o: ID!, $id: ID!) { revokeInvitation(organizationId: $o, id: $id) { status } }', {
      o: organization.id,
      id: invitation.id,
    });
    expect(revoked.data!.revokeInvitation.status).toBe('REVOKED');
    const gone = await h.anonymous().gql('query($token: String!) { invitationPreview(token: $token) { email } }', { token: tokenOf(second) });
    expect(gone.errors?.[0]?.message).toBe('This invitation link has been revoked');
    const actions = (await h.orm.em.fork().find(AuditEvent, { organizationId: organization.id }, { orderBy: { createdAt: 'asc' } })).map((e) => e.action);
    expect(actions).toEqual(['invitation.create', 'invitation.resend', 'invitation.revoke']);
  });

  it('refuses the whole list when one address is already a member, invited twice or malformed', async () => {
    const { organization, client } = await adminWithOrg();
    const member = await h.user();
    await h.member(organization, member);
    const cases = [
      {
        list: [
          { email: 'ok-1@example.test', name: 'A' },
          { email: member.email, name: 'B' },
        ],
        code: 'CONFLICT',
        field: 'invitations.1.email',
      },
      {
        list: [
          { email: 'dup@example.test', name: 'A' },
          { email: 'DUP@example.test ', name: 'B' },
        ],
        code: 'CONFLICT',
        field: 'invitations.1.email',
      },
      { list: [{ email: 'not-an-email', name: 'A' }], code: 'VALIDATION', field: 'invitations.0.email' },
    ];
    for (const { list, code, field } of cases) {
      const result = await client.gql(INVITE, { organizationId: organization.id, invitations: list.map((i) => ({ ...i, role: 'MEMBER' })) });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code, field });
    }
    expect(await h.orm.em.fork().count(Invitation, { organization: organization.id })).toBe(0);
  });

  it('lets a MEMBER_MANAGEMENT holder invite members but not admins', async () => {
    const { organization } = await adminWithOrg();
    const manager = await h.user();
    await h.member(organization, manager, OrgRole.MEMBER, ['MEMBER_MANAGEMENT']);
    const client = await h.signedIn(manager);
    const asAdmin = await client.gql(INVITE, { organizationId: organization.id, invitations: [{ email: 'boss@example.test', name: 'Boss', role: 'ADMIN' }] });
    expect(outcome(asAdmin)).toBe('FORBIDDEN');
    const asMember = await client.gql(INVITE, {
      organizationId: organization.id,
      invitations: [{ email: 'worker@example.test', name: 'Worker', role: 'MEMBER' }],
    });
    expect(outcome(asMember)).toBe('OK');
  });
});

describe('without SMTP', () => {
  it('keeps mail in the outbox, which operators read', async () => {
    const admin = await offline.user({ name: 'Offline Admin' });
    const organization = await offline.organization(admin);
    const client = await offline.signedIn(admin);
    const email = `offline-${Date.now()}@example.test`;
    const invited = await client.gql(INVITE, { organizationId: organization.id, invitations: [{ email, name: 'Off', role: 'MEMBER' }] });
    await offline.app.services.outbox.kick();
    const operator = await offline.signedIn(await offline.user({ isOperator: true }));
    const outbox = await operator.gql('query($to: String) { outboxMessages(to: $to) { to subject text status } }', { to: email });
    expect(outbox.data!.outboxMessages).toHaveLength(1);
    expect(outbox.data!.outboxMessages[0]).toMatchObject({ to: email, status: 'LOGGED' });
    expect(linkIn(outbox.data!.outboxMessages[0])).toBe(invited.data!.inviteMembers[0].inviteUrl);
    expect(outcome(await client.gql('{ outboxMessages { id } }'))).toBe('FORBIDDEN');
  });

  it('sends no mail for a change that was refused', async () => {
    const admin = await offline.user();
    const organization = await offline.organization(admin);
    const client = await offline.signedIn(admin);
    const before = await offline.orm.em.fork().count(OutboxMessage);
    await client.gql(INVITE, {
      organizationId: organization.id,
      invitations: [
        { email: 'fine@example.test', name: 'Fine', role: 'MEMBER' },
        { email: admin.email, name: 'Me', role: 'MEMBER' },
      ],
    });
    expect(await offline.orm.em.fork().count(OutboxMessage)).toBe(before);
    expect(await offline.orm.em.fork().count(User, { email: 'fine@example.test' })).toBe(0);
  });
});

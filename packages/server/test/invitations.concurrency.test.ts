import { InviteToken, OrganizationMember, User } from '@tollgate/db';
import { describe, expect, it } from 'vitest';
import { outcome, startHarness, type Client } from './support/harness';

const h = await startHarness();
const ACCEPT = 'mutation($token: String!) { acceptInvite(token: $token) { id } }';

async function tokenFor(maxUsageCount: number | null, expiresAt?: Date) {
  const admin = await h.user();
  const organization = await h.organization(admin);
  const client = await h.signedIn(admin);
  const created = await client.gql(
    'mutation($o: ID!, $input: CreateInviteTokenInput!) { createInviteToken(organizationId: $o, input: $input) { id token inviteUrl maxUsageCount usageCount expiresAt } }',
    { o: organization.id, input: { description: 'new hires', maxUsageCount, expiresAt } },
  );
  expect(outcome(created)).toBe('OK');
  return { organization, admin: client, ...(created.data!.createInviteToken as { id: string; token: string; inviteUrl: string }) };
}

async function signedInUsers(count: number): Promise<Client[]> {
  const clients: Client[] = [];
  for (let i = 0; i < count; i++) clients.push(await h.signedIn(await h.user()));
  return clients;
}

const memberCount = (organizationId: string) => h.orm.em.fork().count(OrganizationMember, { organization: organizationId });

describe('invite tokens', () => {
  it('answers the seed shape once and keeps only a hash', async () => {
    const { token, inviteUrl, id } = await tokenFor(10);
    expect(token).toMatch(/^invite_[0-9A-Za-z]{32}$/);
    expect(inviteUrl.endsWith(`/join?token=${token}`)).toBe(true);
    const row = await h.orm.em.fork().findOneOrFail(InviteToken, id);
    expect(JSON.stringify(row)).not.toContain(token.slice(7));
    expect(row.tokenHash).toHaveLength(64);
  });

  it('admits exactly maxUsageCount of 200 different users accepting at once', async () => {
    const { organization, token, id } = await tokenFor(5);
    const users = await signedInUsers(200);
    const results = await Promise.all(users.map((u) => u.gql(ACCEPT, { token })));
    const outcomes = results.map(outcome);
    expect(outcomes.filter((o) => o === 'OK')).toHaveLength(5);
    expect(outcomes.filter((o) => o === 'INVITATION_UNAVAILABLE')).toHaveLength(195);
    expect(await memberCount(organization.id)).toBe(1 + 5);
    expect((await h.orm.em.fork().findOneOrFail(InviteToken, id)).usageCount).toBe(5);
    expect(results.find((r) => outcome(r) !== 'OK')!.errors![0]!.message).toBe('This invitation link has been used the maximum number of times');
  });

  it('gives one membership and one use to a user accepting 20 times at once', async () => {
    const { organization, token, id } = await tokenFor(5);
    const [user] = await signedInUsers(1);
    const results = await Promise.all(Array.from({ length: 20 }, () => user!.gql(ACCEPT, { token })));
    expect(results.map(outcome)).toEqual(Array(20).fill('OK'));
    expect(await memberCount(organization.id)).toBe(2);
    expect((await h.orm.em.fork().findOneOrFail(InviteToken, id)).usageCount).toBe(1);
  });

  it('refuses a token expired by a second, a revoked one and an unknown one, changing nothing', async () => {
    const expiring = await tokenFor(null, new Date(Date.now() + 60_000));
    await h.orm.em.fork().nativeUpdate(InviteToken, { id: expiring.id }, { expiresAt: new Date(Date.now() - 1000) });
    const revoked = await tokenFor(null);
    await revoked.admin.gql('mutation($o: ID!, $id: ID!) { revokeInviteToken(organizationId: $o, id: $id) { revokedAt } }', {
      o: revoked.organization.id,
      id: revoked.id,
    });
    const [user] = await signedInUsers(1);
    const cases: Array<[string, string]> = [
      [expiring.token, 'This invitation link has expired'],
      [revoked.token, 'This invitation link has been revoked'],
      ['invite_' + 'x'.repeat(32), 'This invitation link is not valid'],
      ['garbage', 'This invitation link is not valid'],
    ];
    for (const [token, message] of cases) {
      const result = await user!.gql(ACCEPT, { token });
      expect(result.errors?.[0]).toMatchObject({ message, extensions: { code: 'INVITATION_UNAVAILABLE', field: 'token' } });
    }
    expect(await memberCount(expiring.organization.id)).toBe(1);
    expect(await memberCount(revoked.organization.id)).toBe(1);
  });

  it('joins at sign-up, and a sign-up with a used-up link creates no account', async () => {
    const { organization, token } = await tokenFor(1);
    const first = h.anonymous();
    const signUp = 'mutation($input: SignUpInput!) { signUp(input: $input) { id } }';
    const input = (email: string) => ({ input: { email, name: 'Joiner', password: 'Sturdy-Pass-1', inviteToken: token } });
    expect(outcome(await first.gql(signUp, input('joiner-1@example.test')))).toBe('OK');
    const orgs = await first.gql('{ myOrganizations { id } }');
    expect(orgs.data!.myOrganizations).toEqual([{ id: organization.id }]);
    expect(outcome(await h.anonymous().gql(signUp, input('joiner-2@example.test')))).toBe('INVITATION_UNAVAILABLE');
    expect(await h.orm.em.fork().count(User, { email: 'joiner-2@example.test' })).toBe(0);
  });

  it('refuses bad token settings', async () => {
    const admin = await h.user();
    const organization = await h.organization(admin);
    const client = await h.signedIn(admin);
    const create = (input: Record<string, unknown>) =>
      client.gql('mutation($o: ID!, $input: CreateInviteTokenInput!) { createInviteToken(organizationId: $o, input: $input) { id } }', {
        o: organization.id,
        input,
      });
    expect((await create({ maxUsageCount: 0 })).errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field: 'maxUsageCount' });
    expect((await create({ expiresAt: new Date(Date.now() - 1000) })).errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field: 'expiresAt' });
    expect(await h.orm.em.fork().count(InviteToken, { organization: organization.id })).toBe(0);
  });
});

import { ApiToken, AuditEvent } from '@tollgate/db';
import { describe, expect, it } from 'vitest';
import { outcome, startHarness } from './support/harness';
import { buildWorld } from './support/world';

const h = await startHarness();

describe('audit events', () => {
  it('records who changed what, before and after, and from where', async () => {
    const w = await buildWorld(h);
    await w.clients.orgAdmin.gql('mutation($id: ID!) { updateProject(id: $id, input: {description: "after"}) { id } }', { id: w.project.id });
    const result = await w.clients.orgAdmin.gql('query($o: ID!) { auditEvents(organizationId: $o) { action actorUserId targetId before after ip } }', {
      o: w.org.id,
    });
    const event = result.data?.auditEvents.find((e: { action: string }) => e.action === 'project.update');
    expect(event).toMatchObject({ actorUserId: w.users.orgAdmin!.id, targetId: w.project.id, before: { description: '' }, after: { description: 'after' } });
    expect(event.ip).toBeTruthy();
  });
});

describe('API tokens for BI tools', () => {
  it('shows the secret once, stores only its hash, reads with it, and stops on revocation', async () => {
    const w = await buildWorld(h);
    const created = await w.clients.orgAdmin.gql(
      'mutation { createApiToken(input: {name: "metabase", readOnly: true}) { secret token { id prefix readOnly } } }',
    );
    const { secret, token } = created.data!.createApiToken;
    expect(secret).toMatch(/^tgb_[0-9A-Za-z]{40}$/);
    const stored = await h.orm.em.fork().findOneOrFail(ApiToken, token.id);
    expect(JSON.stringify(stored)).not.toContain(secret);
    const audit = await h.orm.em.fork().find(AuditEvent, { targetId: token.id });
    expect(JSON.stringify(audit)).not.toContain(secret.slice(4));

    const { Client } = await import('./support/harness');
    const bi = new Client(h.url, secret);
    expect(outcome(await bi.gql('query($o: ID!) { members(organizationId: $o) { total } }', { o: w.org.id }))).toBe('OK');
    expect(outcome(await bi.gql('mutation($o: ID!) { createProject(organizationId: $o, input: {name: "nope"}) { id } }', { o: w.org.id }))).toBe('FORBIDDEN');
    await w.clients.orgAdmin.gql('mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }', { id: token.id });
    expect(outcome(await bi.gql('query($o: ID!) { members(organizationId: $o) { total } }', { o: w.org.id }))).toBe('UNAUTHENTICATED');
  });
});

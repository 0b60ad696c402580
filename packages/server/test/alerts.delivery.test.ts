import { OutboxMessage, User, WebhookEndpoint } from '@tollgate/db';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { alertWorld, eventually, newWebhookSecret, startReceiver } from './support/alert-delivery';
import { startHarness } from './support/harness';
import { startSmtpSink } from './support/smtp-sink';

/**
 * Alerts leave through the outbox: signed Standard Webhooks, retried on a
 * schedule with the same webhook-id, both signatures while a secret rotation
 * overlaps, endpoints disabled (and their admins mailed) after failing for
 * too long, and mail over real SMTP. The test schedule is Svix's shape in
 * milliseconds: 8 attempts over about 2.3 s, endpoints disabled after 1.5 s
 * of failures.
 */
const smtp = await startSmtpSink();
const h = await startHarness({
  SMTP_URL: smtp.url,
  ALERT_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
  ALERT_WEBHOOK_RETRY_DELAYS_MS: '0,100,100,100,500,500,500,500',
  ALERT_WEBHOOK_DISABLE_AFTER_MS: '1500',
});
const world = alertWorld(h);
const receiver = await startReceiver();
const statusOf = (id: string) => h.orm.em.fork().findOneOrFail(OutboxMessage, { id });

describe('signed webhooks', () => {
  it('delivers the alert signed, within 2 s of the crossing batch, with the custom headers, and mails it to the admins', async () => {
    const o = await world.organization();
    const endpoint = await world.endpoint(o.org, `${receiver.url}/hooks/tollgate?tenant=7`, { headers: [{ name: 'X-Tenant', value: 'seven' }] });
    await world.route(o.org, { webhookEndpointId: endpoint.id, email: true });

    const { alertId, started, committed } = await world.cross(o);
    const [request] = await receiver.waitFor('/hooks/tollgate', 1);
    const delay = request!.at - committed;
    console.log(
      `webhook delivery: ${delay.toFixed(1)} ms from the crossing batch's commit to the receiver (${(request!.at - started).toFixed(1)} ms from the batch's start)`,
    );
    expect(delay).toBeLessThan(2_000);

    expect(request).toMatchObject({ method: 'POST', url: '/hooks/tollgate?tenant=7' });
    expect(request!.headers).toMatchObject({ 'content-type': 'application/json', 'x-tenant': 'seven' });
    const payload = new Webhook(endpoint.secret).verify(request!.body, request!.headers as Record<string, string>) as Record<string, any>;
    expect(payload).toMatchObject({ type: 'alert.fired', data: { alertId, kind: 'BALANCE', organizationId: o.org.id, threshold: '5.00' } });

    const [mail, hook] = await eventually(
      () => world.deliveries(alertId),
      (rows) => rows.length === 2 && rows.every((r) => r.status !== 'PENDING'),
    );
    expect(hook).toMatchObject({ channel: 'WEBHOOK', status: 'SENT', attempts: 0 });
    expect(request!.headers['webhook-id']).toBe(hook!.id);
    const [attempt] = await world.attempts(hook!.id);
    expect(attempt).toMatchObject({ statusCode: 200, error: null });
    expect(attempt!.latencyMs).toBeGreaterThanOrEqual(0);

    // The same alert by mail, over SMTP to the sink.
    expect(mail).toMatchObject({ channel: 'EMAIL', to: o.admin.email, status: 'SENT' });
    const inbox = await eventually(
      async () => smtp.to(o.admin.email),
      (m) => m.length === 1,
    );
    expect(inbox[0]!.subject).toContain('Tollgate alert');
    expect(inbox[0]!.text).toContain('fell below 5.00');
    expect((await world.attempts(mail!.id)).map((a) => a.error)).toEqual([null]);
  });

  it('retries a receiver that is down with the same webhook-id, and it gets the alert once', async () => {
    receiver.answer('/flaky', (n) => ({ status: n < 3 ? 503 : 200 }));
    const o = await world.organization();
    const endpoint = await world.endpoint(o.org, `${receiver.url}/flaky`);
    await world.route(o.org, { webhookEndpointId: endpoint.id });
    const { alertId } = await world.cross(o);

    const requests = await receiver.waitFor('/flaky', 4);
    const [hook] = await eventually(
      () => world.deliveries(alertId),
      ([row]) => row?.status === 'SENT',
    );
    expect(new Set(requests.map((r) => r.headers['webhook-id']))).toEqual(new Set([hook!.id]));
    for (const r of requests) expect(() => new Webhook(endpoint.secret).verify(r.body, r.headers as Record<string, string>)).not.toThrow();
    expect(requests.map((r) => r.status)).toEqual([503, 503, 503, 200]);
    expect(hook).toMatchObject({ status: 'SENT', attempts: 3 });
    expect((await world.attempts(hook!.id)).map((a) => [a.statusCode, a.error?.replace(/:.*/, '')])).toEqual([
      [503, 'answered 503 Service Unavailable'],
      [503, 'answered 503 Service Unavailable'],
      [503, 'answered 503 Service Unavailable'],
      [200, undefined],
    ]);
    // Retries followed the test schedule: about 100 ms apart, not the 5 s poll.
    expect(requests[3]!.at - requests[0]!.at).toBeLessThan(2_000);
    // The success ended the endpoint's run of failures, and nothing more is sent.
    expect((await h.orm.em.fork().findOneOrFail(WebhookEndpoint, { id: endpoint.id })).failingSince).toBeNull();
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.at('/flaky')).toHaveLength(4);
  });

  it('signs with both secrets while a rotation overlaps, and with the new one only after it', async () => {
    const [current, previous, stranger] = [newWebhookSecret(), newWebhookSecret(), newWebhookSecret()];
    const verifies = (secret: string, r: { body: string; headers: object }) => {
      try {
        new Webhook(secret).verify(r.body, r.headers as Record<string, string>);
        return true;
      } catch {
        return false;
      }
    };

    const overlapping = await world.organization();
    const rotated = await world.endpoint(overlapping.org, `${receiver.url}/rotating`, {
      secret: current,
      previousSecret: previous,
      previousSecretExpiresAt: new Date(Date.now() + 3_600_000),
    });
    await world.route(overlapping.org, { webhookEndpointId: rotated.id });
    await world.cross(overlapping);
    const [during] = await receiver.waitFor('/rotating', 1);
    expect(during!.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/=]+ v1,[A-Za-z0-9+/=]+$/);
    expect([verifies(current, during!), verifies(previous, during!), verifies(stranger, during!)]).toEqual([true, true, false]);

    const after = await world.organization();
    const expired = await world.endpoint(after.org, `${receiver.url}/rotated`, {
      secret: current,
      previousSecret: previous,
      previousSecretExpiresAt: new Date(Date.now() - 1_000),
    });
    await world.route(after.org, { webhookEndpointId: expired.id });
    await world.cross(after);
    const [late] = await receiver.waitFor('/rotated', 1);
    expect(late!.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/=]+$/);
    expect([verifies(current, late!), verifies(previous, late!)]).toEqual([true, false]);
  });

  it('disables an endpoint whose every attempt failed for the whole period, fails what waits for it and mails its admins', async () => {
    receiver.answer('/broken', () => ({ status: 500 }));
    const o = await world.organization();
    const second = await h.user();
    await h.member(o.org, second, 'ADMIN');
    const endpoint = await world.endpoint(o.org, `${receiver.url}/broken`);
    await world.route(o.org, { webhookEndpointId: endpoint.id });
    // A delivery of an earlier alert, waiting for its next retry in an hour.
    const em = h.orm.em.fork();
    const waiting = em.create(OutboxMessage, {
      channel: 'WEBHOOK',
      to: `${receiver.url}/broken`,
      subject: 'earlier',
      webhookEndpointId: endpoint.id,
      organizationId: o.org.id,
      payload: { type: 'alert.fired' },
      attempts: 2,
      nextAttemptAt: new Date(Date.now() + 3_600_000),
    });
    await em.flush();

    const { alertId } = await world.cross(o);
    const disabled = await eventually(
      () => h.orm.em.fork().findOneOrFail(WebhookEndpoint, { id: endpoint.id }),
      (e) => e.disabledAt != null,
    );
    expect(disabled.disabledAt!.getTime() - disabled.failingSince!.getTime()).toBeGreaterThanOrEqual(1_500);

    const [hook] = await world.deliveries(alertId);
    expect(hook).toMatchObject({ status: 'FAILED' });
    expect(hook!.lastError).toMatch(/^not sent: the webhook endpoint was disabled after failing since /);
    const attempts = await world.attempts(hook!.id);
    expect(attempts.length).toBeGreaterThanOrEqual(4);
    expect(attempts.every((a) => a.statusCode === 500 && a.error?.startsWith('answered 500'))).toBe(true);
    expect(receiver.at('/broken')).toHaveLength(attempts.length);
    expect(await statusOf(waiting.id)).toMatchObject({ status: 'FAILED', lastError: hook!.lastError });
    expect(await world.attempts(waiting.id)).toEqual([]);

    for (const admin of [o.admin, second]) {
      const [mail] = await eventually(
        async () => smtp.to(admin.email),
        (m) => m.length === 1,
      );
      expect(mail!.subject).toBe(`Tollgate: webhook endpoint disabled (${receiver.url}/broken)`);
      expect(mail!.text).toContain('The last attempt: answered 500');
    }
    // No more attempts: the schedule had attempts left, but the endpoint is off.
    const count = receiver.at('/broken').length;
    await new Promise((r) => setTimeout(r, 700));
    expect(receiver.at('/broken')).toHaveLength(count);
  });
});

describe('SMS without a provider', () => {
  it('logs the SMS and marks it LOGGED, as mail without SMTP', async () => {
    const o = await world.organization();
    await h.orm.em.fork().nativeUpdate(User, { id: o.admin.id }, { mobileNumber: '+14155550123', mobileVerifiedAt: new Date() });
    await world.route(o.org, { sms: true });
    const { alertId } = await world.cross(o);
    const [sms] = await eventually(
      () => world.deliveries(alertId),
      ([row]) => row?.status === 'LOGGED',
    );
    expect(sms).toMatchObject({ channel: 'SMS', to: '+14155550123' });
    expect(sms!.text).toContain('fell below 5.00');
    expect(await world.attempts(sms!.id)).toHaveLength(1);
  });
});

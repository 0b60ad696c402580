import { describe, expect, it } from 'vitest';
import { OutgoingHttp } from '../src/notify/outgoing';
import { alertWorld, eventually, startReceiver } from './support/alert-delivery';
import { startHarness, type Harness } from './support/harness';

/**
 * No webhook reaches a private, loopback, link-local or otherwise reserved
 * address unless the operator allows its host: checked where the socket
 * connects (after the name is resolved), never past a redirect. Each refusal
 * is a failed attempt in the delivery log with an error that says why. One
 * attempt per message here (ALERT_WEBHOOK_RETRY_DELAYS_MS=0), so each case
 * ends FAILED at once; a short timeout, so a guard that let one through shows
 * as a timeout rather than a hang.
 */
const env = { ALERT_WEBHOOK_RETRY_DELAYS_MS: '0', ALERT_WEBHOOK_TIMEOUT_MS: '3000' };
const closed = await startHarness(env);
const allowing = await startHarness({ ...env, ALERT_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' });
const worlds = new Map([closed, allowing].map((h) => [h, alertWorld(h)]));
const receiver = await startReceiver();
receiver.answer('/redirect', () => ({ status: 302, headers: { location: 'http://10.0.0.1/latest/meta-data/' } }));
const port = receiver.port;

/** Fires an alert to `url` on a harness; answers the delivery and its attempts once it is settled. */
async function deliverTo(h: Harness, url: string) {
  const world = worlds.get(h)!;
  const o = await world.organization();
  const endpoint = await world.endpoint(o.org, url);
  await world.route(o.org, { webhookEndpointId: endpoint.id });
  const { alertId } = await world.cross(o);
  const [hook] = await eventually(
    () => world.deliveries(alertId),
    ([row]) => row !== undefined && row.status !== 'PENDING',
  );
  return { hook: hook!, attempts: await world.attempts(hook!.id) };
}

describe('the SSRF guard', () => {
  it.each([
    ['loopback, without the allow-list', `http://127.0.0.1:${port}/hook`, /127\.0\.0\.1 is not a public address \(loopback\)/],
    ['IPv6 loopback', `http://[::1]:${port}/hook`, /::1 is not a public address \(loopback\)/],
    ['the cloud metadata address', 'http://169.254.169.254/latest/meta-data/', /169\.254\.169\.254 is not a public address \(linkLocal\)/],
    ['a private (RFC 1918) address', 'http://10.0.0.1/hook', /10\.0\.0\.1 is not a public address \(private\)/],
    ['a CGNAT address', 'http://100.64.0.1/hook', /100\.64\.0\.1 is not a public address \(carrierGradeNat\)/],
    ['an IPv6 unique-local address', 'http://[fd00::1]/hook', /fd00::1 is not a public address \(uniqueLocal\)/],
    ['the unspecified address', `http://0.0.0.0:${port}/hook`, /0\.0\.0\.0 is not a public address \(unspecified\)/],
  ])('refuses %s, as a failed attempt that says why', async (_case, url, reason) => {
    const before = receiver.received.length;
    const { hook, attempts } = await deliverTo(closed, url);
    expect(hook).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ statusCode: null });
    expect(attempts[0]!.error).toMatch(/^refused by the SSRF guard: /);
    expect(attempts[0]!.error).toMatch(reason);
    expect(hook.lastError).toBe(attempts[0]!.error);
    expect(receiver.received).toHaveLength(before);
  });

  it('delivers to an allowed host', async () => {
    const before = receiver.received.length;
    const { hook, attempts } = await deliverTo(allowing, `http://127.0.0.1:${port}/hook`);
    expect(hook).toMatchObject({ status: 'SENT' });
    expect(attempts.map((a) => a.statusCode)).toEqual([200]);
    expect(receiver.received).toHaveLength(before + 1);
  });

  it.each([
    [
      'a name that resolves to an allowed address (localhost)',
      `http://localhost:${port}/hook`,
      /localhost resolves to (127\.0\.0\.1|::1) is not a public address \(loopback\)/,
    ],
    ['the allowed address written as IPv4-mapped IPv6', `http://[::ffff:127.0.0.1]:${port}/hook`, /::ffff:7f00:1 is not a public address \(ipv4Mapped\)/],
  ])('refuses %s: the allow-list names hosts as URLs write them', async (_case, url, reason) => {
    const before = receiver.received.length;
    const { hook, attempts } = await deliverTo(allowing, url);
    expect(hook).toMatchObject({ status: 'FAILED' });
    expect(attempts.map((a) => a.error)).toEqual([expect.stringMatching(reason)]);
    expect(receiver.received).toHaveLength(before);
  });

  it('never follows a redirect, even from an allowed host to a private address', async () => {
    const before = receiver.received.length;
    const { hook, attempts } = await deliverTo(allowing, `http://127.0.0.1:${port}/redirect`);
    expect(hook).toMatchObject({ status: 'FAILED' });
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({
      statusCode: 302,
      error: 'answered 302; redirects are not followed (Location: http://10.0.0.1/latest/meta-data/)',
    });
    expect(receiver.received.slice(before).map((r) => r.url)).toEqual(['/redirect']);
  });

  it('is the way out for the SMS HTTP provider too', async () => {
    const http = new OutgoingHttp({ allowedHosts: [], timeoutMs: 3_000 });
    await expect(http.post(`http://127.0.0.1:${port}/sms`, {}, '{}')).rejects.toThrow(/^refused by the SSRF guard: 127\.0\.0\.1/);
    http.close();
  });
});

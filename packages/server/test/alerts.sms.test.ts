import { User } from '@tollgate/db';
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { OutgoingError } from '../src/notify/outgoing';
import { TwilioSmsSender } from '../src/notify/sms';
import { alertWorld, eventually, startReceiver } from './support/alert-delivery';
import { startHarness } from './support/harness';

/**
 * SMS alerts: the generic HTTP provider (POST {to, text} as JSON, through the
 * SSRF guard) end to end from a crossing batch to a real local receiver, and
 * the Twilio provider through the twilio client, its transport pointed at a
 * local server that answers as Twilio's Messages API does.
 */
const receiver = await startReceiver();
const h = await startHarness({
  SMS_HTTP_URL: `${receiver.url}/sms/send`,
  SMS_HTTP_AUTHORIZATION: 'Bearer sms-gateway-token',
  ALERT_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
});
const world = alertWorld(h);

describe('the SMS HTTP provider', () => {
  it('posts each SMS alert as JSON with the configured Authorization, and logs the attempt', async () => {
    const o = await world.organization();
    await h.orm.em.fork().nativeUpdate(User, { id: o.admin.id }, { mobileNumber: '+14155550123', mobileVerifiedAt: new Date() });
    await world.route(o.org, { sms: true });
    const { alertId } = await world.cross(o);

    const [request] = await receiver.waitFor('/sms/send', 1);
    expect(request!.headers).toMatchObject({ 'content-type': 'application/json', authorization: 'Bearer sms-gateway-token' });
    expect(JSON.parse(request!.body)).toEqual({ to: '+14155550123', text: expect.stringContaining('fell below 5.00') });
    const [sms] = await eventually(
      () => world.deliveries(alertId),
      ([row]) => row?.status === 'SENT',
    );
    expect(sms).toMatchObject({ channel: 'SMS', to: '+14155550123' });
    expect((await world.attempts(sms!.id)).map((a) => [a.statusCode, a.error])).toEqual([[200, null]]);
  });

  it('retries when the gateway fails, logging its status', async () => {
    const first = receiver.at('/sms/send').length;
    receiver.answer('/sms/send', (n) => ({ status: n === first ? 502 : 200 }));
    const o = await world.organization();
    await h.orm.em.fork().nativeUpdate(User, { id: o.admin.id }, { mobileNumber: '+14155550124', mobileVerifiedAt: new Date() });
    await world.route(o.org, { sms: true });
    const { alertId } = await world.cross(o);
    const [sms] = await eventually(
      () => world.deliveries(alertId),
      ([row]) => row?.status === 'PENDING' && row.attempts === 1,
    );
    expect((await world.attempts(sms!.id)).map((a) => [a.statusCode, a.error])).toEqual([[502, 'answered 502 Bad Gateway: answer 502']]);
    expect(sms!.lastError).toBe('answered 502 Bad Gateway: answer 502');
  });
});

describe('the Twilio provider', () => {
  interface TwilioRequest {
    method: string;
    url: string;
    headers: IncomingHttpHeaders;
    form: URLSearchParams;
  }
  const requests: TwilioRequest[] = [];
  let answer: { status: number; body: object } = { status: 201, body: {} };
  const api = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      requests.push({ method: req.method!, url: req.url!, headers: req.headers, form: new URLSearchParams(body) });
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
  });
  const listening = new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  afterAll(() => new Promise<void>((resolve) => api.close(() => resolve())));

  /** twilio's own transport, sent to the local server instead of api.twilio.com. */
  class LocalTwilio extends twilio.RequestClient {
    override request<T>(opts: RequestClient.RequestOptions<T>) {
      const { port } = api.address() as { port: number };
      return super.request<T>({ ...opts, uri: opts.uri.replace(/^https:\/\/api\.twilio\.com/, `http://127.0.0.1:${port}`) });
    }
  }
  const sid = `AC${'0123456789abcdef'.repeat(2)}`;
  const sender = new TwilioSmsSender({ accountSid: sid, authToken: 'twilio-token', from: '+15005550006' }, { httpClient: new LocalTwilio() });

  it("sends through Twilio's Messages API, signed in with the account SID and token", async () => {
    await listening;
    answer = { status: 201, body: { sid: 'SM' + '0'.repeat(32), account_sid: sid, to: '+14155550123', from: '+15005550006', status: 'queued' } };
    await sender.send({ to: '+14155550123', text: 'The balance fell below 5.00' });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'POST', url: `/2010-04-01/Accounts/${sid}/Messages.json` });
    expect(requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from(`${sid}:twilio-token`).toString('base64')}`);
    expect(Object.fromEntries(requests[0]!.form)).toEqual({ To: '+14155550123', From: '+15005550006', Body: 'The balance fell below 5.00' });
  });

  it("fails with Twilio's status and error code, for the attempt log", async () => {
    answer = { status: 400, body: { code: 21211, message: "The 'To' number +1415 is not a valid phone number.", status: 400 } };
    const failure = await sender.send({ to: '+1415', text: 'x' }).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(OutgoingError);
    expect(failure).toMatchObject({ statusCode: 400, message: "Twilio answered 400 (error 21211): The 'To' number +1415 is not a valid phone number." });
  });
});

import { WEBHOOK_DISABLE_AFTER_MS, WEBHOOK_RETRY_DELAYS_MS, WEBHOOK_TIMEOUT_MS } from '@tollgate/domain';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';

describe('the delivery configuration', () => {
  it("defaults to Svix's schedule, 5 days before disabling, 15 s per attempt, no exceptions to the guard and SMS in the log", () => {
    expect(loadConfig({}).delivery).toEqual({
      allowedHosts: [],
      timeoutMs: WEBHOOK_TIMEOUT_MS,
      webhookRetryDelaysMs: [...WEBHOOK_RETRY_DELAYS_MS],
      webhookDisableAfterMs: WEBHOOK_DISABLE_AFTER_MS,
      sms: { provider: 'log' },
    });
  });

  it('takes a retry schedule in milliseconds that starts at once', () => {
    expect(loadConfig({ ALERT_WEBHOOK_RETRY_DELAYS_MS: '0, 50,100' }).delivery.webhookRetryDelaysMs).toEqual([0, 50, 100]);
    for (const bad of ['50,100', '0,-5', '0,5s', '0,,5']) {
      expect(() => loadConfig({ ALERT_WEBHOOK_RETRY_DELAYS_MS: bad })).toThrow(/ALERT_WEBHOOK_RETRY_DELAYS_MS/);
    }
  });

  it('names allowed hosts as URLs write them, and refuses anything but a host', () => {
    expect(loadConfig({ ALERT_WEBHOOK_ALLOWED_HOSTS: 'Hooks.Internal, 10.0.0.5, ::1, [fd00::1]' }).delivery.allowedHosts).toEqual([
      'hooks.internal',
      '10.0.0.5',
      '[::1]',
      '[fd00::1]',
    ]);
    for (const bad of ['http://a.example', 'a.example:8080', 'a.example/path', 'user@a.example']) {
      expect(() => loadConfig({ ALERT_WEBHOOK_ALLOWED_HOSTS: bad })).toThrow(/ALERT_WEBHOOK_ALLOWED_HOSTS/);
    }
  });

  it('picks one SMS provider: the HTTP gateway or Twilio, whose three settings go together', () => {
    expect(loadConfig({ SMS_HTTP_URL: 'https://sms.example/send', SMS_HTTP_AUTHORIZATION: 'Bearer t' }).delivery.sms).toEqual({
      provider: 'http',
      url: 'https://sms.example/send',
      authorization: 'Bearer t',
    });
    const twilio = { TWILIO_ACCOUNT_SID: 'AC123', TWILIO_AUTH_TOKEN: 'token', TWILIO_FROM: '+15005550006' };
    expect(loadConfig(twilio).delivery.sms).toEqual({ provider: 'twilio', accountSid: 'AC123', authToken: 'token', from: '+15005550006' });
    expect(() => loadConfig({ TWILIO_ACCOUNT_SID: 'AC123' })).toThrow(/go together/);
    expect(() => loadConfig({ ...twilio, SMS_HTTP_URL: 'https://sms.example/send' })).toThrow(/not both/);
    expect(() => loadConfig({ ...twilio, TWILIO_ACCOUNT_SID: 'XX123' })).toThrow(/TWILIO_ACCOUNT_SID/);
  });
});

import type { Twilio } from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import type { SmsConfig } from '../config';
import type { Logger } from '../logger';
import { OutgoingError, type OutgoingHttp } from './outgoing';

export interface SmsMessage {
  /** E.164, e.g. +14155550123. */
  to: string;
  text: string;
}

/** Sends one SMS or throws (an OutgoingError carries the provider's status); the outbox retries. */
export interface SmsSender {
  /** What the outbox records once a message is delivered. */
  readonly deliveredStatus: 'SENT' | 'LOGGED';
  send(message: SmsMessage): Promise<{ statusCode: number | null }>;
  close(): void;
}

/**
 * Any gateway that takes `POST {"to", "text"}` as JSON, with an optional
 * Authorization header. Its URL is the operator's, but it goes through the
 * SSRF guard like every outgoing request: a private gateway is allowed by
 * naming its host in ALERT_WEBHOOK_ALLOWED_HOSTS.
 */
export class HttpSmsSender implements SmsSender {
  readonly deliveredStatus = 'SENT';
  constructor(
    private readonly url: string,
    private readonly authorization: string | undefined,
    private readonly http: OutgoingHttp,
  ) {}

  async send(message: SmsMessage) {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'Tollgate' };
    if (this.authorization) headers.authorization = this.authorization;
    const { statusCode } = await this.http.post(this.url, headers, JSON.stringify({ to: message.to, text: message.text }));
    return { statusCode };
  }

  close() {}
}

export interface TwilioCredentials {
  accountSid: string;
  authToken: string;
  /** A Twilio number (E.164) or a messaging service SID (MG…). */
  from: string;
}

/**
 * Twilio's Messages API through its own client (`twilio`): it signs in with
 * the account SID and token and maps errors to RestException (status, code).
 * Loaded on the first SMS: servers without Twilio never pay for the module.
 * `httpClient` replaces its transport (tests point it at a local server).
 */
export class TwilioSmsSender implements SmsSender {
  readonly deliveredStatus = 'SENT';
  private client: Promise<Twilio> | null = null;

  constructor(
    private readonly credentials: TwilioCredentials,
    private readonly options: { httpClient?: RequestClient; timeoutMs?: number } = {},
  ) {}

  async send(message: SmsMessage) {
    this.client ??= import('twilio').then(({ default: twilio }) =>
      twilio(this.credentials.accountSid, this.credentials.authToken, {
        // Nothing but config.ts reads the environment: the client would otherwise look for TWILIO_* there.
        env: {},
        httpClient: this.options.httpClient,
        timeout: this.options.timeoutMs,
        autoRetry: false,
      }),
    );
    const client = await this.client;
    const from = this.credentials.from.startsWith('MG') ? { messagingServiceSid: this.credentials.from } : { from: this.credentials.from };
    try {
      await client.messages.create({ to: message.to, body: message.text, ...from });
    } catch (err) {
      const e = err as Error & { status?: number; code?: number };
      const status = typeof e.status === 'number' ? e.status : null;
      throw new OutgoingError(`Twilio${status ? ` answered ${status}` : ''}${e.code ? ` (error ${e.code})` : ''}: ${e.message}`, status);
    }
    return { statusCode: null };
  }

  close() {}
}

/** The offline default: the outbox table is the channel, and the log shows each SMS for whoever runs the server. */
export class LogSmsSender implements SmsSender {
  readonly deliveredStatus = 'LOGGED';
  constructor(private readonly logger: Logger) {}
  async send(message: SmsMessage) {
    this.logger.info({ sms: message }, `sms to ${message.to}`);
    return { statusCode: null };
  }
  close() {}
}

export function createSmsSender(config: SmsConfig, http: OutgoingHttp, logger: Logger, timeoutMs: number): SmsSender {
  switch (config.provider) {
    case 'http':
      return new HttpSmsSender(config.url, config.authorization, http);
    case 'twilio':
      return new TwilioSmsSender(config, { timeoutMs });
    case 'log':
      return new LogSmsSender(logger);
  }
}

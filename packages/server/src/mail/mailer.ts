import nodemailer from 'nodemailer';
import type { Logger } from '../logger';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Delivers one message or throws; the outbox retries. */
export interface Mailer {
  /** What the outbox records once a message is delivered. */
  readonly deliveredStatus: 'SENT' | 'LOGGED';
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** SMTP through nodemailer (pooled connections, TLS per the URL's scheme). */
export class SmtpMailer implements Mailer {
  readonly deliveredStatus = 'SENT';
  private readonly transport;
  constructor(
    url: string,
    private readonly from: string,
  ) {
    // A URL with ?pool=true pools connections; nodemailer reads its options from the URL.
    this.transport = nodemailer.createTransport(url);
  }
  async send(message: MailMessage) {
    await this.transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text });
  }
  close() {
    this.transport.close();
  }
}

/** The offline default: the outbox table is the channel, and the log shows each mail for whoever runs the server. */
export class LogMailer implements Mailer {
  readonly deliveredStatus = 'LOGGED';
  constructor(private readonly logger: Logger) {}
  async send(message: MailMessage) {
    this.logger.info({ mail: message }, `mail to ${message.to}: ${message.subject}`);
  }
  close() {}
}

export const createMailer = (config: { smtpUrl?: string; from: string }, logger: Logger): Mailer =>
  config.smtpUrl ? new SmtpMailer(config.smtpUrl, config.from) : new LogMailer(logger);

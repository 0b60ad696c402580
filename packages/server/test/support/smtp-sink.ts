import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll } from 'vitest';

/** A real SMTP server in the test process that keeps what it receives. */
export async function startSmtpSink() {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** The mails sent to one address. */
    to: (email: string) => received.filter((mail) => [mail.to].flat().some((a) => a?.text.includes(email))),
  };
}

/** The join link in a mail's text. */
export const linkIn = (mail: { text?: string | null }) => /(https?:\/\/\S+\/join\?token=\S+)/.exec(mail.text ?? '')?.[1];
export const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;

import type { MailMessage } from '../../mail/mailer';

/** The invitation mail: plain text, so it reads the same in any client and in the log. */
export function invitationMail(invite: {
  to: string;
  name: string;
  inviterName: string;
  organization: string;
  role: string;
  url: string;
  expiresAt: Date;
}): MailMessage {
  return {
    to: invite.to,
    subject: `${invite.inviterName} invited you to ${invite.organization} on Tollgate`,
    text: [
      `Hello ${invite.name},`,
      '',
      `${invite.inviterName} invited you to join the organization ${invite.organization} as ${invite.role.toLowerCase()}.`,
      '',
      `Accept the invitation: ${invite.url}`,
      '',
      `The link works until ${invite.expiresAt.toISOString().replace('T', ' ').slice(0, 16)} UTC. If you did not expect it, ignore this mail.`,
    ].join('\n'),
  };
}

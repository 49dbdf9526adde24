import type { Mailer } from '../../lib/mailer.ts';
import type { MessageChannel } from './message-channel.ts';

/** Email through the mailer: SMTP when SMTP_URL is set, otherwise 'mailbox' (staff read it in the app). */
export function emailChannel(mailer: Mailer): MessageChannel {
  return {
    name: 'email',
    async send(message) {
      await mailer.send(message);
      return { transport: mailer.transport };
    },
    close: () => mailer.close(),
  };
}

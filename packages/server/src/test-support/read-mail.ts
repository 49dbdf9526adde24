import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * The leaf parts of a raw MIME message as a mail client reads them (transfer encoding undone,
 * UTF-8 decoded), with the content type of the multipart around each: enough for tests to check
 * what a patient's mail client shows, without a parsing library.
 */
export interface MimePart {
  contentType: string;
  /** The whole Content-Type header, parameters included (`text/calendar; method=REQUEST; charset=UTF-8`). */
  contentTypeHeader: string;
  /** The multipart/* type this part sits in ('' at the top level). */
  parentType: string;
  filename: string | null;
  body: string;
  /** The decoded bytes (for binary attachments, which `body` as UTF-8 would garble). */
  bytes: Buffer;
}

export function mimeParts(raw: string, parentType = ''): MimePart[] {
  const split = raw.indexOf('\r\n\r\n') >= 0 ? raw.indexOf('\r\n\r\n') : raw.indexOf('\n\n');
  const headerText = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(headerText)?.[1]?.trim() ?? '';
  const contentType = header('Content-Type') || 'text/plain';
  const type = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  if (type.startsWith('multipart/')) {
    const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
    if (!boundary) return [];
    return body
      .split(`--${boundary}`)
      .slice(1)
      .filter((chunk) => !chunk.startsWith('--'))
      .flatMap((chunk) => mimeParts(chunk.replace(/^\r?\n/, ''), type));
  }
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const bytes =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64')
      : encoding === 'quoted-printable'
        ? Buffer.from(
            body
              .replace(/=\r?\n/g, '')
              .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
              .split('')
              .map((c) => c.charCodeAt(0)),
          )
        : Buffer.from(body, 'utf8');
  const filename = /filename="?([^";\r\n]+)"?/i.exec(headerText)?.[1] ?? null;
  return [{ contentType: type, contentTypeHeader: contentType, parentType, filename, body: bytes.toString('utf8'), bytes }];
}

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/**
 * A real SMTP server on a random local port. It keeps each message's raw text per recipient
 * (`received`) and every message in order with its envelope (`messages`), or with `refuse`
 * answers every message with a temporary failure.
 */
export async function startSmtp({ refuse = false } = {}): Promise<{
  url: string;
  received: Map<string, string>;
  messages: ReceivedMail[];
  close(): Promise<void>;
}> {
  const received = new Map<string, string>();
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      stream.on('end', () => {
        if (refuse) return callback(new Error('451 try again later'));
        const to = session.envelope.rcptTo.map((r) => r.address);
        for (const address of to) received.set(address, raw);
        messages.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to, raw });
        return callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, messages, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The first part of a content type (`text/plain`, `text/calendar`…). */
export const part = (parts: MimePart[], type: string) => parts.find((p) => p.contentType === type);

/**
 * A real SMTP server (smtp-server) on 127.0.0.1 for tests: it keeps every
 * message it accepts, parsed back with mailparser, and can refuse chosen
 * recipients the way a real server does (550 at RCPT TO).
 */
import type { AddressInfo } from 'node:net';

import { simpleParser } from 'mailparser';
import type { ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  parsed: ParsedMail;
  raw: Buffer;
}

export interface TestSmtpServer {
  /** `smtp://127.0.0.1:<port>` (with credentials when required). */
  url: string;
  port: number;
  received: ReceivedMail[];
  close(): Promise<void>;
}

export interface TestSmtpOptions {
  /** Recipients refused with 550 at RCPT TO. */
  rejectRecipients?: string[];
  /** Require AUTH PLAIN/LOGIN with these credentials. */
  auth?: { user: string; password: string };
}

export async function startSmtpServer(
  options: TestSmtpOptions = {},
): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const rejected = new Set(
    (options.rejectRecipients ?? []).map((a) => a.toLowerCase()),
  );
  const pending: Promise<void>[] = [];

  const server = new SMTPServer({
    secure: false,
    disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    allowInsecureAuth: true,
    authOptional: !options.auth,
    logger: false,
    // A reverse DNS lookup per connection costs seconds where DNS is slow.
    disableReverseLookup: true,
    onAuth(auth, _session, callback) {
      const ok =
        auth.username === options.auth?.user &&
        auth.password === options.auth?.password;
      if (ok) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, callback) {
      if (!rejected.has(address.address.toLowerCase())) return callback();
      const error = new Error(`Mailbox ${address.address} unavailable`);
      Object.assign(error, { responseCode: 550 });
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const envelope = {
          from: session.envelope.mailFrom
            ? session.envelope.mailFrom.address
            : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
        };
        const parsing = simpleParser(raw).then((parsed) => {
          received.push({ envelope, parsed, raw });
        });
        pending.push(parsing);
        parsing.then(() => callback(), callback);
      });
    },
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const credentials = options.auth
    ? `${encodeURIComponent(options.auth.user)}:${encodeURIComponent(options.auth.password)}@`
    : '';

  return {
    url: `smtp://${credentials}127.0.0.1:${port}`,
    port,
    received,
    close: async () => {
      await Promise.allSettled(pending);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

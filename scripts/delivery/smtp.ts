/**
 * Sending through an SMTP server with nodemailer. The URL's scheme picks
 * TLS (`smtps://` implicit TLS, `smtp://` STARTTLS when offered); its
 * credentials are registered as secrets so no log line shows them.
 */
import nodemailer from 'nodemailer';

import { UsageError } from '../errors.ts';
import { registerSecret } from '../output/logger.ts';
import { envelopeAddress } from './mail-check.ts';

export interface SmtpSender {
  /**
   * Sends a composed message (composeEml) to one recipient; rejects when
   * the server refuses.
   */
  send(eml: Buffer, from: string, recipient: string): Promise<void>;
  close(): void;
}

/**
 * Opens a sender for an `smtp://` or `smtps://` URL.
 * @throws UsageError when the URL cannot be parsed or has another scheme.
 */
export function openSmtp(smtpUrl: string): SmtpSender {
  registerSecret(smtpUrl);
  const url = parseSmtpUrl(smtpUrl);
  registerSecret(url.password);
  registerSecret(decodeURIComponent(url.password));

  // One pooled connection serves many messages instead of one each.
  if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
  const transport = nodemailer.createTransport(url.toString());

  return {
    async send(eml, from, recipient) {
      // One envelope per recipient: the ledger is per recipient, and one
      // refused address must not take the others down with it.
      await transport.sendMail({
        raw: eml,
        envelope: { from: envelopeAddress(from), to: [recipient] },
      });
    },
    close: () => transport.close(),
  };
}

function parseSmtpUrl(smtpUrl: string): URL {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch (error) {
    throw new UsageError('SMTP_URL is not a URL', {
      cause: error,
      hint: 'use smtp://user:password@host:587 or smtps://host:465',
    });
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new UsageError(
      `SMTP_URL must start with smtp:// or smtps://, not ${url.protocol}//`,
      {
        hint: 'use smtp://user:password@host:587 or smtps://host:465',
      },
    );
  }
  return url;
}

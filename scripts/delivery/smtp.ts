/**
 * Sending through an SMTP server with nodemailer. The URL's scheme picks
 * TLS (`smtps://` implicit TLS, `smtp://` STARTTLS when offered); its
 * credentials are registered as secrets so no log line shows them.
 */
import nodemailer from 'nodemailer';

import { UsageError } from '../errors.ts';
import { registerSecret } from '../output/logger.ts';
import { envelopeAddress } from './mail-check.ts';
import { describeSmtpFailure, type SmtpServerName } from './smtp-failure.ts';

export interface SmtpSender {
  /**
   * Sends a composed message (composeEml) to one recipient.
   * @throws SmtpError, one plain line with a hint, when the server cannot
   *   be reached or refuses.
   */
  send(eml: Buffer, from: string, recipient: string): Promise<void>;
  close(): void;
}

/** Sending failed; the message is one plain line with a hint. */
export class SmtpError extends Error {
  /** The server cannot be used at all (not one recipient refused). */
  readonly serverWide: boolean;

  constructor(
    message: string,
    options: { cause: unknown; serverWide: boolean },
  ) {
    super(message, { cause: options.cause });
    this.name = 'SmtpError';
    this.serverWide = options.serverWide;
  }
}

const HINT = 'use smtp://user:password@host:587 or smtps://host:465';

/**
 * Checks an SMTP URL before anything is collected or sent. `origin` names
 * where the URL came from (`--smtp` or `SMTP_URL`) in the message.
 * @throws UsageError when the URL cannot be parsed, has another scheme or
 *   names no server.
 */
export function checkSmtpUrl(url: string, origin: string): void {
  parseSmtpUrl(url, origin);
}

/**
 * Opens a sender for an `smtp://` or `smtps://` URL; `origin` names where
 * the URL came from in a UsageError (default `SMTP_URL`).
 * @throws UsageError when the URL is unusable (see checkSmtpUrl).
 */
export function openSmtp(smtpUrl: string, origin = 'SMTP_URL'): SmtpSender {
  registerSecret(smtpUrl);
  const url = parseSmtpUrl(smtpUrl, origin);
  registerSecret(url.password);
  registerSecret(decodeURIComponent(url.password));
  const server = serverName(url);

  const transport = nodemailer.createTransport(transportUrl(url));

  return {
    async send(eml, from, recipient) {
      // One envelope per recipient: the ledger is per recipient, and one
      // refused address must not take the others down with it.
      try {
        await transport.sendMail({
          raw: eml,
          envelope: { from: envelopeAddress(from), to: [recipient] },
        });
      } catch (error) {
        const failure = describeSmtpFailure(error, server);
        throw new SmtpError(failure.text, {
          cause: error,
          serverWide: failure.serverWide,
        });
      }
    },
    close: () => transport.close(),
  };
}

/** A server silent this long mid-conversation is taken as down. */
export const SOCKET_TIMEOUT_MS = 60_000;

/**
 * The URL handed to nodemailer, with this program's defaults where the
 * URL sets none.
 */
export function transportUrl(url: URL): string {
  const out = new URL(url);
  // One pooled connection serves many messages instead of one each.
  if (!out.searchParams.has('pool')) out.searchParams.set('pool', 'true');
  // nodemailer waits 10 minutes by default, per connection.
  if (!out.searchParams.has('socketTimeout')) {
    out.searchParams.set('socketTimeout', String(SOCKET_TIMEOUT_MS));
  }
  return out.toString();
}

function parseSmtpUrl(smtpUrl: string, origin: string): URL {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch (error) {
    throw new UsageError(`${origin} is not a URL`, {
      cause: error,
      hint:
        `${HINT}; in the user name and password write % as %25, ` +
        '@ as %40, # as %23 and / as %2F',
    });
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new UsageError(
      `${origin} must start with smtp:// or smtps://, not ${url.protocol}//`,
      { hint: HINT },
    );
  }
  // `smtp:host` parses as a URL with no host; nodemailer would then
  // quietly try localhost.
  if (url.hostname === '') {
    throw new UsageError(`${origin} names no server after smtp://`, {
      hint: HINT,
    });
  }
  // An SMTP URL has no "#" part: one means a bare "#" in the password,
  // which cut the URL short (smtp://u:2024#x@host reads as host "u").
  if (url.hash !== '') {
    throw new UsageError(
      `${origin} holds a "#" that cuts it short, likely in its password`,
      { hint: 'write # as %23 there (and % as %25, @ as %40, / as %2F)' },
    );
  }
  // The password is decoded when mail is sent; a stray "%" would fail
  // there, after the findings were collected, with "URI malformed".
  for (const part of [url.username, url.password]) {
    try {
      decodeURIComponent(part);
    } catch {
      throw new UsageError(
        `${origin} holds a "%" in its user name or password that is not ` +
          'percent-encoding',
        { hint: 'write % as %25 there (and @ as %40, : as %3A, / as %2F)' },
      );
    }
  }
  return url;
}

function serverName(url: URL): SmtpServerName {
  const secure = url.protocol === 'smtps:';
  // nodemailer's own defaults when the URL gives no port.
  const port = url.port === '' ? (secure ? 465 : 587) : Number(url.port);
  return {
    host: url.hostname,
    port,
    secure,
    secrets: [url.password, decodeURIComponent(url.password)],
  };
}

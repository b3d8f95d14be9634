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
   * Sends a composed message (composeEml) to one recipient.
   * @throws SmtpError, one plain line with a hint, when the server cannot
   *   be reached or refuses.
   */
  send(eml: Buffer, from: string, recipient: string): Promise<void>;
  close(): void;
}

/** Sending failed; the message is one plain line with a hint. */
export class SmtpError extends Error {
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
    this.name = 'SmtpError';
  }
}

interface SmtpServerName {
  host: string;
  port: number;
  secure: boolean;
  /** Texts never to repeat: the URL's password, raw and decoded. */
  secrets: string[];
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

  // One pooled connection serves many messages instead of one each.
  if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
  const transport = nodemailer.createTransport(url.toString());

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
        throw new SmtpError(describeSmtpFailure(error, server), {
          cause: error,
        });
      }
    },
    close: () => transport.close(),
  };
}

function parseSmtpUrl(smtpUrl: string, origin: string): URL {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch (error) {
    throw new UsageError(`${origin} is not a URL`, {
      cause: error,
      hint: HINT,
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

/** The fields nodemailer sets on a failure, all optional. */
interface NodemailerFailure {
  code?: unknown;
  originalCode?: unknown;
  timeoutType?: unknown;
  responseCode?: unknown;
}

const UNTRUSTED =
  /^(?:CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_|ERR_TLS_CERT_ALTNAME_INVALID)/;

/**
 * One plain line naming the server and the fix for a nodemailer failure.
 * `originalCode` holds the socket's code (ECONNREFUSED, ERR_SSL_...)
 * under nodemailer's own (ESOCKET, EDNS).
 */
function describeSmtpFailure(error: unknown, server: SmtpServerName): string {
  const failure: NodemailerFailure =
    typeof error === 'object' && error !== null ? error : {};
  const code =
    [failure.originalCode, failure.code].find(
      (value): value is string => typeof value === 'string',
    ) ?? '';
  const own = oneLine(error instanceof Error ? error.message : String(error));
  const at = `${server.host}:${server.port}`;
  const line = (text: string) => scrub(text, server.secrets);

  if (server.secure && code.startsWith('ERR_SSL_')) {
    return `the server at ${at} does not speak TLS here: use smtp:// (STARTTLS, usually port 587) instead of smtps://`;
  }
  if (code.startsWith('ERR_SSL_') || code === 'ETLS') {
    return line(
      `TLS with the server at ${at} failed (${own}): check that the scheme and port of the SMTP URL match the server`,
    );
  }
  if (UNTRUSTED.test(code)) {
    return line(
      `the server at ${at} presented a TLS certificate that is not trusted (${own}): use the host name the certificate names, or have the certificate renewed`,
    );
  }
  switch (code) {
    case 'ECONNREFUSED':
      return `nothing listens at ${at}: check the host and port of the SMTP URL`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the SMTP host ${server.host} is not known: check its spelling`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `the server at ${at} cannot be reached from here: check the host of the SMTP URL and the network`;
    case 'ETIMEDOUT':
      return timeout(failure.timeoutType, at);
    case 'EAUTH': {
      const status =
        typeof failure.responseCode === 'number'
          ? ` (${failure.responseCode})`
          : '';
      return `the server at ${at} refused the login${status}: check the user name and password in the SMTP URL`;
    }
    case 'ECONNECTION':
    case 'ECONNRESET':
    case 'EPIPE':
      return `the server at ${at} closed the connection unexpectedly: check the scheme and port of the SMTP URL, or try again later`;
  }
  return line(own);
}

function timeout(type: unknown, at: string): string {
  if (type === 'GREETING_TIMEOUT') {
    return `the server at ${at} sent no SMTP greeting: if it expects TLS from the start (usually port 465), use smtps:// instead of smtp://`;
  }
  if (type === 'SOCKET_TIMEOUT' || type === 'UPGRADE_TIMEOUT') {
    return `the server at ${at} stopped answering: try again later`;
  }
  return `the server at ${at} did not answer in time: check the host and port of the SMTP URL, and any firewall in between`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Removes the URL's password, should a server ever echo it back. */
function scrub(text: string, secrets: string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret !== '') out = out.split(secret).join('***');
  }
  return out;
}

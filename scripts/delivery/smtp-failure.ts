/**
 * nodemailer's failures as one plain line naming the server and the fix,
 * and whether the failure is the server's (every recipient would fail
 * alike) rather than one recipient's.
 */

export interface SmtpServerName {
  host: string;
  port: number;
  secure: boolean;
  /** Texts never to repeat: the URL's password, raw and decoded. */
  secrets: string[];
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

// Connection, TLS, timeout and login failures: no recipient can be sent to.
const SERVER_WIDE = new Set([
  'ETLS',
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EAUTH',
]);

/**
 * One plain line naming the server and the fix for a nodemailer failure.
 * `originalCode` holds the socket's code (ECONNREFUSED, ERR_SSL_...)
 * under nodemailer's own (ESOCKET, EDNS).
 */
export function describeSmtpFailure(
  error: unknown,
  server: SmtpServerName,
): { text: string; serverWide: boolean } {
  const code = codeOf(error);
  const serverWide =
    SERVER_WIDE.has(code) ||
    code.startsWith('ERR_SSL_') ||
    UNTRUSTED.test(code);
  return { text: describe(error, server), serverWide };
}

function codeOf(error: unknown): string {
  const failure: NodemailerFailure =
    typeof error === 'object' && error !== null ? error : {};
  return (
    [failure.originalCode, failure.code].find(
      (value): value is string => typeof value === 'string',
    ) ?? ''
  );
}

function describe(error: unknown, server: SmtpServerName): string {
  const failure: NodemailerFailure =
    typeof error === 'object' && error !== null ? error : {};
  const code = codeOf(error);
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

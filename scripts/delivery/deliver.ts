/**
 * `deliver`: writes messages to the outbox and, with an SMTP URL, sends
 * them, consulting the ledger so a re-run sends nothing twice. One bad
 * message or refused recipient never stops the others.
 */
import { UsageError } from '../errors.ts';
import { log, redact } from '../output/logger.ts';
import { plural } from '../output/plural.ts';
import { contentHash } from './content-hash.ts';
import type { Ledger } from './ledger.ts';
import type { DeliveryResult, OutgoingMail } from './mail.ts';
import { checkMail, MailError } from './mail-check.ts';
import type { MailKey } from './mail-check.ts';
import { composeEml, DEFAULT_OUTBOX, writeToOutbox } from './outbox.ts';
import { openSmtp, SmtpError } from './smtp.ts';
import type { SmtpSender } from './smtp.ts';

export interface DeliverOptions {
  /** Outbox folder; the default (`out/reports`) applies when no SMTP URL. */
  outbox?: string;
  /** `smtp://` or `smtps://` URL; messages are sent only when given. */
  smtpUrl?: string;
  /** Where the SMTP URL came from, for errors (default `SMTP_URL`). */
  smtpOrigin?: string;
  ledger: Ledger;
  /** Send again to recipients the ledger says already have the message. */
  resend?: boolean;
  /** Write and send nothing; results say `planned`. */
  dryRun?: boolean;
  /** Save the ledger after this many sent messages (default 20). */
  checkpointEvery?: number;
}

interface Run {
  options: DeliverOptions;
  outbox: string | undefined;
  sender: SmtpSender | undefined;
  /**
   * Why the server cannot be used, once a failure says so: the rest are
   * not tried, since each try could wait for a timeout.
   */
  serverDown?: string;
  /** The signal that asked the run to stop, once one did. */
  stopSignal?: NodeJS.Signals;
}

/**
 * Delivers every message and returns one result per message, in order.
 * Messages may arrive one at a time, so a month's reports need never sit
 * in memory together.
 * @throws UsageError when the SMTP URL is unusable (before anything is
 *   sent), or when SIGINT or SIGTERM stopped the sending (after the
 *   current message, with the ledger saved); the store's error when the
 *   ledger cannot be saved at the end.
 */
export async function deliver(
  messages: Iterable<OutgoingMail> | AsyncIterable<OutgoingMail>,
  options: DeliverOptions,
): Promise<DeliveryResult[]> {
  const sender =
    options.smtpUrl === undefined
      ? undefined
      : openSmtp(options.smtpUrl, options.smtpOrigin);
  const outbox = options.outbox ?? (sender ? undefined : DEFAULT_OUTBOX);
  const run: Run = {
    options,
    outbox,
    sender: options.dryRun ? undefined : sender,
  };
  const every = options.checkpointEvery ?? 20;
  const results: DeliveryResult[] = [];
  // Stopped mid-run (Ctrl-C, a cancelled workflow), the process would die
  // with up to `every` sends missing from the ledger, and the re-run would
  // send them twice. The first signal lets the current message finish and
  // the ledger be saved; a second one stops at once.
  const handlers = SIGNALS.map((signal) => {
    const stop = () => {
      run.stopSignal = signal;
      log.warn('stopping after the current message, then saving the ledger', {
        signal,
      });
    };
    return [signal, stop] as const;
  });
  if (run.sender) for (const [s, stop] of handlers) process.once(s, stop);

  try {
    let sinceSave = 0;
    for await (const mail of messages) {
      if (run.stopSignal) break;
      const result = await deliverOne(run, mail);
      results.push(result);
      if (result.status === 'sent') sinceSave += 1;
      if (sinceSave >= every) {
        await options.ledger.save();
        sinceSave = 0;
      }
    }
  } finally {
    for (const [s, stop] of handlers) process.off(s, stop);
    sender?.close();
    await options.ledger.save();
  }
  if (run.stopSignal) {
    throw new UsageError(
      `${run.stopSignal} stopped the run after ` +
        `${plural(results.length, 'message')}; the ledger holds every one sent`,
      { hint: 'run it again: what was sent is not sent twice' },
    );
  }
  return results;
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

async function deliverOne(
  run: Run,
  mail: OutgoingMail,
): Promise<DeliveryResult> {
  // One copy per mailbox: the domain and, in practice, the local part of
  // an address are not case-sensitive.
  const seen = new Set<string>();
  const to = mail.to.filter((address) => {
    const key = address.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const result: DeliveryResult = {
    key: mail.key,
    unit: mail.unit,
    to,
    status: 'failed',
    delivered: [],
    skipped: [],
    failed: [],
  };

  let key: MailKey;
  try {
    key = checkMail(mail);
  } catch (error) {
    if (!(error instanceof MailError)) throw error;
    log.warn('message not delivered', { key: mail.key, error: error.message });
    return { ...result, failed: to, error: error.message };
  }

  const hash = contentHash(mail);
  if (run.options.dryRun) return planned(run, result, to);

  // Composed once, so the outbox file and every recipient get the same
  // bytes (and the same Message-ID).
  const eml = await composeEml(mail);
  if (run.outbox !== undefined) {
    try {
      result.files = await writeToOutbox(run.outbox, mail, key, eml);
    } catch (error) {
      const message = `could not write to the outbox: ${errorText(error)}`;
      log.warn('message not written', { key: mail.key, error: message });
      return { ...result, failed: to, error: message };
    }
    for (const recipient of to)
      await run.options.ledger.markWritten(mail.key, recipient, hash);
    result.delivered = to;
    result.status = 'written';
  }

  if (run.sender) await send(run, run.sender, { mail, eml, hash }, result);
  return result;
}

async function send(
  run: Run,
  sender: SmtpSender,
  message: { mail: OutgoingMail; eml: Buffer; hash: string },
  result: DeliveryResult,
): Promise<void> {
  const { mail, eml, hash } = message;
  // Recipients by error: a server that cannot be reached fails them all
  // alike, and one line naming them all reads better than many.
  const errors = new Map<string, string[]>();
  result.delivered = [];
  const changed: string[] = [];

  for (const recipient of result.to) {
    const before = run.options.resend
      ? undefined
      : await run.options.ledger.sentTo(mail.key, recipient);
    if (before) {
      result.skipped.push(recipient);
      if (before.hash !== hash) changed.push(recipient);
      continue;
    }
    if (run.serverDown !== undefined) {
      result.failed.push(recipient);
      const text = `not tried: ${run.serverDown}`;
      errors.set(text, [...(errors.get(text) ?? []), recipient]);
      continue;
    }
    try {
      await sender.send(eml, mail.from, recipient);
      await run.options.ledger.markSent(mail.key, recipient, hash);
      result.delivered.push(recipient);
    } catch (error) {
      result.failed.push(recipient);
      const text = errorText(error);
      errors.set(text, [...(errors.get(text) ?? []), recipient]);
      if (error instanceof SmtpError && error.serverWide) {
        run.serverDown = text;
      }
    }
  }

  if (errors.size > 0) {
    result.status = 'failed';
    result.error = [...errors]
      .map(([text, recipients]) => `${recipients.join(', ')}: ${text}`)
      .join('; ');
    log.warn('message not sent to every recipient', {
      key: mail.key,
      error: result.error,
    });
  } else if (result.delivered.length > 0) {
    result.status = 'sent';
    log.info('message sent', {
      key: mail.key,
      recipients: result.delivered.length,
    });
  } else {
    result.status = 'skipped-already-sent';
    log.info('message already sent, skipped', { key: mail.key });
  }
  if (changed.length > 0) {
    // A re-run on corrected data must not leave the first, wrong report
    // standing without a word.
    result.note =
      `content changed since sent to ${changed.join(', ')}; ` +
      'not sent again (--resend sends it)';
    log.warn('message changed since it was sent, not sent again', {
      key: mail.key,
      recipients: changed.length,
      hint: 'use --resend to send the new version',
    });
  }
}

async function planned(
  run: Run,
  result: DeliveryResult,
  to: string[],
): Promise<DeliveryResult> {
  if (run.options.smtpUrl === undefined || run.options.resend) {
    return { ...result, status: 'planned' };
  }
  const skipped: string[] = [];
  for (const recipient of to) {
    if (await run.options.ledger.sentTo(result.key, recipient))
      skipped.push(recipient);
  }
  const status =
    skipped.length === to.length ? 'skipped-already-sent' : 'planned';
  return { ...result, status, skipped };
}

function errorText(error: unknown): string {
  return redact(error instanceof Error ? error.message : String(error));
}

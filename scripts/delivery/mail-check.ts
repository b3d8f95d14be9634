/**
 * Checks a message before anything is written or sent: a line break in an
 * address, subject or file name could inject headers, and a key must map
 * to a safe outbox path.
 */
import { UserError } from '../errors.ts';
import type { OutgoingMail } from './mail.ts';

const KEY =
  /^(\d{4}-(?:0[1-9]|1[0-2]))\/([A-Za-z0-9][\w.-]*)\/([A-Za-z0-9][\w.-]*)$/;
const ADDRESS = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;
const FROM = /^(?:[^<>\r\n]*<([^<>\s]+)>|([^<>\s]+))$/;
const FILENAME = /^[A-Za-z0-9][\w .()-]*$/;

/** A message the program built cannot be delivered as it is. */
export class MailError extends UserError {
  readonly key: string;

  constructor(key: string, message: string) {
    super(`message ${key}: ${message}`);
    this.key = key;
  }
}

export interface MailKey {
  month: string;
  unit: string;
  kind: string;
}

/**
 * Splits `YYYY-MM/<unit>/<kind>`.
 * @throws MailError when the key has another shape.
 */
export function parseMailKey(key: string): MailKey {
  const match = KEY.exec(key);
  if (!match) {
    throw new MailError(key, 'the key must look like 2026-11/<unit>/<kind>');
  }
  return { month: match[1], unit: match[2], kind: match[3] };
}

/** The bare address of `Name <a@b>` or `a@b`. */
export function envelopeAddress(from: string): string {
  const match = FROM.exec(from);
  return match?.[1] ?? match?.[2] ?? from;
}

/**
 * Checks one message and returns its key parts.
 * @throws MailError naming the message and the field at fault.
 */
export function checkMail(mail: OutgoingMail): MailKey {
  const key = parseMailKey(mail.key);
  if (key.unit !== mail.unit) {
    throw new MailError(
      mail.key,
      `the key names unit ${key.unit}, not ${mail.unit}`,
    );
  }
  if (mail.to.length === 0)
    throw new MailError(mail.key, 'it has no recipient');

  const badTo = mail.to.find((address) => !ADDRESS.test(address));
  if (badTo !== undefined) {
    throw new MailError(
      mail.key,
      `recipient ${JSON.stringify(badTo)} is not an e-mail address`,
    );
  }
  if (!FROM.test(mail.from) || !ADDRESS.test(envelopeAddress(mail.from))) {
    throw new MailError(
      mail.key,
      `sender ${JSON.stringify(mail.from)} is not an e-mail address`,
    );
  }
  if (/[\r\n]/.test(mail.subject)) {
    throw new MailError(mail.key, 'the subject contains a line break');
  }
  const badFile = (mail.attachments ?? []).find(
    (file) => !FILENAME.test(file.filename),
  );
  if (badFile !== undefined) {
    throw new MailError(
      mail.key,
      `attachment name ${JSON.stringify(badFile.filename)} must be a plain file name`,
    );
  }
  return key;
}

/** A fingerprint of what a message says, kept in the ledger. */
import { createHash } from 'node:crypto';

import type { OutgoingMail } from './mail.ts';

export function contentHash(mail: OutgoingMail): string {
  const hash = createHash('sha256');
  for (const part of [mail.subject, mail.from, mail.html, mail.text]) {
    hash.update(part).update('\0');
  }
  for (const file of mail.attachments ?? []) {
    hash.update(file.filename).update('\0').update(file.content).update('\0');
  }
  return `sha256:${hash.digest('hex')}`;
}

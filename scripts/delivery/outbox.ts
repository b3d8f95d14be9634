/**
 * The outbox: every message as files anyone can open before anything is
 * sent, `<outbox>/YYYY-MM/<unit>/<kind>.eml` (a real RFC 5322 message),
 * `<kind>.html` and the attachments beside them.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';

import nodemailer from 'nodemailer';

import { UsageError } from '../errors.ts';
import { writeFilesAtomic } from '../output/atomic-write.ts';
import type { OutgoingMail } from './mail.ts';
import type { MailKey } from './mail-check.ts';

export const DEFAULT_OUTBOX = path.join('out', 'reports');

const composer = nodemailer.createTransport({
  streamTransport: true,
  buffer: true,
  newline: 'windows',
});

/** The message as the bytes of an .eml file. */
export async function composeEml(mail: OutgoingMail): Promise<Buffer> {
  const info = await composer.sendMail({
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    attachments: (mail.attachments ?? []).map((file) => ({ ...file })),
  });
  return info.message as Buffer;
}

/**
 * Writes the message's files (`eml` from composeEml), all or none, and
 * returns their paths relative to the outbox.
 * @throws the file system's error; no target file is left half-written.
 */
export async function writeToOutbox(
  outbox: string,
  mail: OutgoingMail,
  key: MailKey,
  eml: Buffer,
): Promise<string[]> {
  const folder = `${key.month}/${key.unit}`;
  const files: { name: string; content: string | Buffer }[] = [
    { name: `${folder}/${key.kind}.eml`, content: eml },
    { name: `${folder}/${key.kind}.html`, content: mail.html },
    ...(mail.attachments ?? []).map((file) => ({
      name: `${folder}/${file.filename}`,
      content: file.content,
    })),
  ];

  await writeFilesAtomic(
    files.map(({ name, content }) => ({
      file: path.join(outbox, ...name.split('/')),
      content,
    })),
  );
  return files.map(({ name }) => name);
}

/**
 * @throws UsageError when the outbox, or the nearest part of its path that
 * exists, is not a folder you may write: no message could be written there,
 * and the findings would be collected for nothing.
 */
export async function checkOutboxFolder(outbox: string): Promise<void> {
  let place = path.resolve(outbox);
  let found = await stat(place).catch(() => undefined);
  while (!found && path.dirname(place) !== place) {
    place = path.dirname(place);
    found = await stat(place).catch(() => undefined);
  }
  if (found && !found.isDirectory()) {
    const what =
      place === path.resolve(outbox) ? 'the outbox' : 'in the outbox path';
    throw new UsageError(`${what} ${place} is a file, not a folder`, {
      hint: 'give --outbox a folder (it is created when missing)',
    });
  }
  if (found) {
    await access(place, constants.W_OK | constants.X_OK).catch(() => {
      throw new UsageError(`no permission to write in ${place}`, {
        hint: 'give --outbox a folder you may write (it is created when missing)',
      });
    });
  }
}

import { describe, expect, it } from 'vitest';

import {
  checkMail,
  envelopeAddress,
  MailError,
} from '../../scripts/delivery/mail-check.ts';
import { executiveMail } from './mail-fixture.ts';

describe('checkMail', () => {
  it('splits a good key into month, unit and kind', () => {
    expect(checkMail(executiveMail('med-it', ['it@med.example.edu']))).toEqual({
      month: '2026-11',
      unit: 'med-it',
      kind: 'executive',
    });
  });

  it.each([
    [
      'a line break in the subject',
      { subject: 'Report\r\nBcc: all@example.edu' },
      'message 2026-11/med-it/executive: the subject contains a line break',
    ],
    [
      'a line break in a recipient',
      { to: ['it@med.example.edu\nBcc: x@y.z'] },
      'message 2026-11/med-it/executive: recipient "it@med.example.edu\\nBcc: x@y.z" is not an e-mail address',
    ],
    [
      'a line break in the sender',
      { from: 'ISO\r\n <vm@example.edu>' },
      'message 2026-11/med-it/executive: sender "ISO\\r\\n <vm@example.edu>" is not an e-mail address',
    ],
    [
      'no recipient',
      { to: [] },
      'message 2026-11/med-it/executive: it has no recipient',
    ],
    [
      'a key of another shape',
      { key: '2026-11/med-it' },
      'message 2026-11/med-it: the key must look like 2026-11/<unit>/<kind>',
    ],
    [
      'a key escaping the outbox',
      { key: '2026-11/../executive' },
      'message 2026-11/../executive: the key must look like 2026-11/<unit>/<kind>',
    ],
    [
      'a key naming another unit',
      { key: '2026-11/law/executive' },
      'message 2026-11/law/executive: the key names unit law, not med-it',
    ],
    [
      'an attachment path',
      {
        attachments: [
          {
            filename: '../x.pdf',
            content: Buffer.from(''),
            contentType: 'application/pdf',
          },
        ],
      },
      'message 2026-11/med-it/executive: attachment name "../x.pdf" must be a plain file name',
    ],
  ])('refuses %s', (_name, change, message) => {
    const mail = executiveMail('med-it', ['it@med.example.edu'], change);

    expect(() => checkMail(mail)).toThrow(
      new MailError(mail.key, message.replace(/^message [^:]+: /, '')),
    );
    expect(() => checkMail(mail)).toThrow(message);
  });
});

describe('envelopeAddress', () => {
  it.each([
    ['ISO VM <vm@example.edu>', 'vm@example.edu'],
    ['vm@example.edu', 'vm@example.edu'],
  ])('takes the address of %j', (from, expected) => {
    expect(envelopeAddress(from)).toBe(expected);
  });
});

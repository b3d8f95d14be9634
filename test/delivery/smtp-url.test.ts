import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { deliver } from '../../scripts/delivery/deliver.ts';
import { openLedger } from '../../scripts/delivery/ledger.ts';
import { LocalStateStore } from '../../scripts/delivery/local-state-store.ts';
import { checkSmtpUrl, transportUrl } from '../../scripts/delivery/smtp.ts';
import { UsageError } from '../../scripts/errors.ts';
import { executiveMail } from './mail-fixture.ts';

const HINT = 'use smtp://user:password@host:587 or smtps://host:465';

function thrown(action: () => unknown): UsageError {
  try {
    action();
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error('expected a UsageError');
}

describe('checkSmtpUrl', () => {
  it.each([
    [
      '--smtp',
      'http://mail.example.edu',
      '--smtp must start with smtp:// or smtps://, not http://',
    ],
    [
      'SMTP_URL',
      'mailto:iso@example.edu',
      'SMTP_URL must start with smtp:// or smtps://, not mailto://',
    ],
    [
      '--smtp',
      'smtp:mail.example.edu:587',
      '--smtp names no server after smtp://',
    ],
    ['SMTP_URL', 'smtps://', 'SMTP_URL names no server after smtp://'],
  ])('names %s when %j is unusable', (origin, url, message) => {
    const error = thrown(() => checkSmtpUrl(url, origin));

    expect([error.message, error.hint, error.exitCode]).toEqual([
      message,
      HINT,
      2,
    ]);
  });

  it.each([
    ['--smtp', 'no url'],
    ['SMTP_URL', 'smtps://vmgov:a#b@mail.example.edu'],
  ])('says how to encode when %s %j is not a URL', (origin, url) => {
    const error = thrown(() => checkSmtpUrl(url, origin));

    expect([error.message, error.hint, error.exitCode]).toEqual([
      `${origin} is not a URL`,
      `${HINT}; in the user name and password write % as %25, @ as %40, ` +
        '# as %23 and / as %2F',
      2,
    ]);
  });

  it.each([
    'smtp://mail.example.edu:587',
    'smtps://vmgov:secret@mail.example.edu',
    'smtp://[::1]:2525',
  ])('accepts %s', (url) => {
    expect(checkSmtpUrl(url, '--smtp')).toBeUndefined();
  });

  it.each([
    'smtps://vmgov:50%off@mail.example.edu',
    'smtps://vm%gov:secret@mail.example.edu',
  ])('refuses a bare "%%" in %s, saying how to write it', (url) => {
    const error = thrown(() => checkSmtpUrl(url, 'SMTP_URL'));

    expect([error.message, error.hint, error.exitCode]).toEqual([
      'SMTP_URL holds a "%" in its user name or password that is not ' +
        'percent-encoding',
      'write % as %25 there (and @ as %40, : as %3A, / as %2F)',
      2,
    ]);
    expect(error.message).not.toContain('off');
  });

  it('refuses a "#" that cut the URL short into another host', () => {
    const error = thrown(() =>
      checkSmtpUrl('smtp://alice:2024#x@127.0.0.1:2525', 'SMTP_URL'),
    );

    expect([error.message, error.hint]).toEqual([
      'SMTP_URL holds a "#" that cuts it short, likely in its password',
      'write # as %23 there (and % as %25, @ as %40, / as %2F)',
    ]);
  });

  it('accepts a percent-encoded "%" in the password', () => {
    expect(
      checkSmtpUrl('smtps://vmgov:50%25off@mail.example.edu', 'SMTP_URL'),
    ).toBeUndefined();
  });

  it('never repeats the URL, which may hold a password', () => {
    const error = thrown(() =>
      checkSmtpUrl('ftp://vmgov:secret-pw@mail.example.edu', '--smtp'),
    );

    expect(error.message).toBe(
      '--smtp must start with smtp:// or smtps://, not ftp://',
    );
  });
});

describe('deliver with an unusable SMTP URL', () => {
  it.each([
    [undefined, 'SMTP_URL is not a URL'],
    ['--smtp', '--smtp is not a URL'],
  ])('names the origin %s before sending', async (origin, message) => {
    const root = await mkdtemp(path.join(tmpdir(), 'vmgov-smtp-url-'));
    const ledger = openLedger(new LocalStateStore(path.join(root, '.state')));

    const error = await deliver(
      [executiveMail('law', ['sysadmin@law.example.edu'])],
      { smtpUrl: 'no url', smtpOrigin: origin, ledger },
    ).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe(message);
  });
});

describe('transportUrl', () => {
  it.each([
    [
      'smtp://mail.example.edu:587',
      'smtp://mail.example.edu:587?pool=true&socketTimeout=60000',
    ],
    [
      'smtps://u:p@mail.example.edu?socketTimeout=5000&pool=false',
      'smtps://u:p@mail.example.edu?socketTimeout=5000&pool=false',
    ],
  ])('gives %s the defaults it lacks', (url, expected) => {
    expect(transportUrl(new URL(url))).toBe(expected);
  });
});

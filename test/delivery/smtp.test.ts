import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { deliver } from '../../scripts/delivery/deliver.ts';
import { openLedger } from '../../scripts/delivery/ledger.ts';
import { LocalStateStore } from '../../scripts/delivery/local-state-store.ts';
import { UsageError } from '../../scripts/errors.ts';
import { setSink } from '../../scripts/output/logger.ts';
import { startSmtpServer } from '../support/smtp-server.ts';
import type { TestSmtpServer } from '../support/smtp-server.ts';
import { executiveMail } from './mail-fixture.ts';

let stateFolder: string;
let smtp: TestSmtpServer | undefined;

beforeEach(async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'vmgov-smtp-'));
  stateFolder = path.join(root, '.state');
});

afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
});

const ledger = () => openLedger(new LocalStateStore(stateFolder));

const messages = () => [
  executiveMail('med-it', ['it@med.example.edu', 'cio@med.example.edu']),
  executiveMail('law', ['sysadmin@law.example.edu']),
];

describe('deliver through SMTP', () => {
  it('sends each message to each recipient with its attachment', async () => {
    smtp = await startSmtpServer();

    const results = await deliver(messages(), {
      smtpUrl: smtp.url,
      ledger: ledger(),
    });

    expect(results.map((r) => [r.key, r.status, r.delivered])).toEqual([
      [
        '2026-11/med-it/executive',
        'sent',
        ['it@med.example.edu', 'cio@med.example.edu'],
      ],
      ['2026-11/law/executive', 'sent', ['sysadmin@law.example.edu']],
    ]);
    expect(
      smtp.received.map((m) => [
        m.envelope.from,
        m.envelope.to,
        m.parsed.subject,
      ]),
    ).toEqual([
      [
        'vm-reports@example.edu',
        ['it@med.example.edu'],
        'Vulnerability report for med-it, November 2026',
      ],
      [
        'vm-reports@example.edu',
        ['cio@med.example.edu'],
        'Vulnerability report for med-it, November 2026',
      ],
      [
        'vm-reports@example.edu',
        ['sysadmin@law.example.edu'],
        'Vulnerability report for law, November 2026',
      ],
    ]);
    const law = smtp.received[2].parsed;
    expect(
      law.attachments.map((a) => [a.filename, a.content.toString()]),
    ).toEqual([['law-sysadmin-2026-11.pdf', '%PDF-1.7 law']]);
    expect(law.text).toBe('law: 12 confirmed findings');
  });

  it('says when a message skipped as sent has changed since', async () => {
    smtp = await startSmtpServer();
    await deliver(messages(), { smtpUrl: smtp.url, ledger: ledger() });
    const corrected = [
      executiveMail('med-it', ['it@med.example.edu', 'cio@med.example.edu'], {
        text: 'med-it: 13 confirmed findings',
      }),
      executiveMail('law', ['sysadmin@law.example.edu']),
    ];

    const rerun = await deliver(corrected, {
      smtpUrl: smtp.url,
      ledger: ledger(),
    });

    expect(rerun.map((r) => [r.status, r.note])).toEqual([
      [
        'skipped-already-sent',
        'content changed since sent to it@med.example.edu, ' +
          'cio@med.example.edu; not sent again (--resend sends it)',
      ],
      ['skipped-already-sent', undefined],
    ]);
    expect(smtp.received).toHaveLength(3);
  });

  it('on SIGINT finishes the message, saves the ledger and stops', async () => {
    smtp = await startSmtpServer();
    const listeners = process.listenerCount('SIGINT');
    const [first, second] = messages();
    const interrupted = function* () {
      yield first;
      // What Ctrl-C or a cancelled workflow delivers to the process.
      process.emit('SIGINT');
      yield second;
    };

    const run = deliver(interrupted(), {
      smtpUrl: smtp.url,
      ledger: ledger(),
      checkpointEvery: 100,
    });

    await expect(run).rejects.toThrow(
      'SIGINT stopped the run after 1 message; the ledger holds every one sent',
    );
    expect(smtp.received.map((m) => m.envelope.to[0])).toEqual([
      'it@med.example.edu',
      'cio@med.example.edu',
    ]);
    const saved = ledger();
    expect(await saved.sentTo(first.key, 'cio@med.example.edu')).toBeDefined();
    expect(await saved.sentTo(second.key, 'sysadmin@law.example.edu')).toBe(
      undefined,
    );
    expect(process.listenerCount('SIGINT')).toBe(listeners);
  });

  it('sends one copy to a mailbox listed twice in other case', async () => {
    smtp = await startSmtpServer();

    const [result] = await deliver(
      [
        executiveMail('law', [
          'Web-Director@law.example.edu',
          'web-director@LAW.example.edu',
        ]),
      ],
      { smtpUrl: smtp.url, ledger: ledger() },
    );

    expect(result.delivered).toEqual(['Web-Director@law.example.edu']);
    expect(smtp.received).toHaveLength(1);
  });

  it('sends nothing twice on a re-run, and again with resend', async () => {
    smtp = await startSmtpServer();
    await deliver(messages(), { smtpUrl: smtp.url, ledger: ledger() });

    const rerun = await deliver(messages(), {
      smtpUrl: smtp.url,
      ledger: ledger(),
    });
    expect(rerun.map((r) => [r.status, r.skipped.length])).toEqual([
      ['skipped-already-sent', 2],
      ['skipped-already-sent', 1],
    ]);
    expect(smtp.received).toHaveLength(3);

    const forced = await deliver(messages(), {
      smtpUrl: smtp.url,
      ledger: ledger(),
      resend: true,
    });
    expect(forced.map((r) => r.status)).toEqual(['sent', 'sent']);
    expect(smtp.received).toHaveLength(6);
  });

  it('keeps going past a refused recipient and sends only to it next time', async () => {
    smtp = await startSmtpServer({ rejectRecipients: ['cio@med.example.edu'] });

    const results = await deliver(messages(), {
      smtpUrl: smtp.url,
      ledger: ledger(),
    });

    expect(results[0]).toMatchObject({
      status: 'failed',
      delivered: ['it@med.example.edu'],
      failed: ['cio@med.example.edu'],
    });
    expect(results[0].error).toMatch(/^cio@med\.example\.edu: .*550/);
    expect(results[1]).toMatchObject({
      status: 'sent',
      delivered: ['sysadmin@law.example.edu'],
    });
    expect(smtp.received.map((m) => m.envelope.to[0])).toEqual([
      'it@med.example.edu',
      'sysadmin@law.example.edu',
    ]);

    await smtp.close();
    smtp = await startSmtpServer();
    const retry = await deliver(messages(), {
      smtpUrl: smtp.url,
      ledger: ledger(),
    });

    expect(retry[0]).toMatchObject({
      status: 'sent',
      delivered: ['cio@med.example.edu'],
      skipped: ['it@med.example.edu'],
    });
    expect(smtp.received.map((m) => m.envelope.to[0])).toEqual([
      'cio@med.example.edu',
    ]);
  });

  it('sends the very message it wrote when given an outbox too', async () => {
    smtp = await startSmtpServer();
    const outbox = path.join(path.dirname(stateFolder), 'out');

    const [result] = await deliver(messages().slice(1), {
      smtpUrl: smtp.url,
      outbox,
      ledger: ledger(),
    });

    const eml = await readFile(
      path.join(outbox, '2026-11', 'law', 'executive.eml'),
    );
    expect(result).toMatchObject({ status: 'sent', files: expect.any(Array) });
    expect(smtp.received[0].raw.toString().trimEnd()).toBe(
      eml.toString().trimEnd(),
    );
  });

  it('plans without sending in a dry run, naming what was already sent', async () => {
    smtp = await startSmtpServer();
    await deliver(messages().slice(1), { smtpUrl: smtp.url, ledger: ledger() });

    const plan = await deliver(messages(), {
      smtpUrl: smtp.url,
      ledger: ledger(),
      dryRun: true,
    });

    expect(plan.map((r) => r.status)).toEqual([
      'planned',
      'skipped-already-sent',
    ]);
    expect(smtp.received).toHaveLength(1);
  });

  it('logs in with the URL credentials and never logs the password', async () => {
    smtp = await startSmtpServer({
      auth: { user: 'vmgov', password: 's3cret-pass' },
    });
    const lines: string[] = [];
    const restore = setSink((line) => lines.push(line));

    try {
      const results = await deliver(messages(), {
        smtpUrl: smtp.url,
        ledger: ledger(),
      });
      const bad = smtp.url.replace('s3cret-pass', 'wrong-pass');
      const refused = await deliver(messages(), {
        smtpUrl: bad,
        ledger: ledger(),
        resend: true,
      });

      expect(results.map((r) => r.status)).toEqual(['sent', 'sent']);
      expect(refused.map((r) => r.status)).toEqual(['failed', 'failed']);
      expect(JSON.stringify(refused)).not.toContain('wrong-pass');
    } finally {
      restore();
    }
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('')).not.toMatch(/s3cret-pass|wrong-pass/);
  });

  it.each([
    ['not a URL', 'no url', 'SMTP_URL is not a URL'],
    [
      'another scheme',
      'http://mail.example.edu',
      'SMTP_URL must start with smtp:// or smtps://, not http://',
    ],
  ])(
    'refuses an SMTP URL that is %s before sending',
    async (_name, url, message) => {
      const error = await deliver(messages(), {
        smtpUrl: url,
        ledger: ledger(),
      }).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).message).toBe(message);
    },
  );
});

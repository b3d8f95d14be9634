import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { simpleParser } from 'mailparser';
import { beforeEach, describe, expect, it } from 'vitest';

import { deliver } from '../../scripts/delivery/deliver.ts';
import { openLedger } from '../../scripts/delivery/ledger.ts';
import type { Ledger } from '../../scripts/delivery/ledger.ts';
import { LocalStateStore } from '../../scripts/delivery/local-state-store.ts';
import { executiveMail } from './mail-fixture.ts';

let root: string;
let outbox: string;
let ledger: Ledger;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'vmgov-outbox-'));
  outbox = path.join(root, 'out', 'reports');
  ledger = openLedger(new LocalStateStore(path.join(root, '.state')));
});

describe('deliver to the outbox', () => {
  it('writes .eml, .html and attachments under YYYY-MM/<unit>/', async () => {
    const mail = executiveMail('med-it', [
      'it@med.example.edu',
      'cio@med.example.edu',
    ]);

    const [result] = await deliver([mail], { outbox, ledger });

    expect(result).toEqual({
      key: '2026-11/med-it/executive',
      unit: 'med-it',
      to: ['it@med.example.edu', 'cio@med.example.edu'],
      status: 'written',
      delivered: ['it@med.example.edu', 'cio@med.example.edu'],
      skipped: [],
      failed: [],
      files: [
        '2026-11/med-it/executive.eml',
        '2026-11/med-it/executive.html',
        '2026-11/med-it/med-it-sysadmin-2026-11.pdf',
      ],
    });
    expect(
      (await readdir(path.join(outbox, '2026-11', 'med-it'))).sort(),
    ).toEqual([
      'executive.eml',
      'executive.html',
      'med-it-sysadmin-2026-11.pdf',
    ]);
  });

  it('writes a real message that parses back with every part', async () => {
    await deliver([executiveMail('med-it', ['it@med.example.edu'])], {
      outbox,
      ledger,
    });

    const eml = await readFile(
      path.join(outbox, '2026-11', 'med-it', 'executive.eml'),
    );
    const parsed = await simpleParser(eml);

    expect(parsed.subject).toBe(
      'Vulnerability report for med-it, November 2026',
    );
    expect(parsed.from?.value).toEqual([
      {
        name: 'ISO Vulnerability Management',
        address: 'vm-reports@example.edu',
      },
    ]);
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : '').toBe(
      'it@med.example.edu',
    );
    expect(parsed.html).toBe('<p>med-it: 12 confirmed findings</p>');
    expect(parsed.text).toBe('med-it: 12 confirmed findings');
    expect(
      parsed.attachments.map((a) => [
        a.filename,
        a.contentType,
        a.content.toString(),
      ]),
    ).toEqual([
      ['med-it-sysadmin-2026-11.pdf', 'application/pdf', '%PDF-1.7 med-it'],
    ]);
    expect(eml.includes('\r\n')).toBe(true);
  });

  it('records the write in the ledger without counting it as sent', async () => {
    await deliver([executiveMail('law', ['a@law.example.edu'])], {
      outbox,
      ledger,
    });

    const month = await openLedger(
      new LocalStateStore(path.join(root, '.state')),
    ).entries('2026-11');

    expect(month.sent).toEqual([]);
    expect(month.written.map((e) => [e.key, e.recipient])).toEqual([
      ['2026-11/law/executive', 'a@law.example.edu'],
    ]);
  });

  it('fails one bad message and writes the others', async () => {
    const bad = executiveMail('law', ['a@law.example.edu'], {
      subject: 'x\nBcc: y@z.org',
    });
    const good = executiveMail('med-it', ['it@med.example.edu']);

    const results = await deliver([bad, good], { outbox, ledger });

    expect(results.map((r) => [r.key, r.status, r.error])).toEqual([
      [
        '2026-11/law/executive',
        'failed',
        'message 2026-11/law/executive: the subject contains a line break',
      ],
      ['2026-11/med-it/executive', 'written', undefined],
    ]);
    expect(await readdir(path.join(outbox, '2026-11'))).toEqual(['med-it']);
  });

  it('leaves nothing half-written when a file cannot be written', async () => {
    await writeFile(
      path.join(root, 'blocked'),
      'a file where a folder should be',
    );

    const [result] = await deliver(
      [executiveMail('law', ['a@law.example.edu'])],
      {
        outbox: path.join(root, 'blocked'),
        ledger,
      },
    );

    expect(result?.status).toBe('failed');
    expect(result?.error).toMatch(/^could not write to the outbox: /);
    expect(await readdir(root)).toEqual(['blocked']);
  });

  it('writes nothing in a dry run', async () => {
    const [result] = await deliver(
      [executiveMail('law', ['a@law.example.edu'])],
      {
        outbox,
        ledger,
        dryRun: true,
      },
    );

    expect(result?.status).toBe('planned');
    expect(await readdir(root)).toEqual([]);
  });
});

import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { main } from '../../scripts/cli.ts';
import { setSink } from '../../scripts/output/logger.ts';
import { setPrintSink } from '../../scripts/output/print.ts';
import {
  FIXTURES,
  FIXTURES_MISSING,
  MISSING_REASON,
  plainCount,
  SAMPLE_REPORT,
} from '../findings/sample-report.ts';
import { pdfText } from '../reports/pdf-text.ts';
import {
  aprilDetections,
  writeCoveredHostPage,
} from '../support/detection-page.ts';
import { writePolicyRepo } from '../reports/policy-repo.ts';
import {
  startSmtpServer,
  type TestSmtpServer,
} from '../support/smtp-server.ts';

const ALPHA = [
  '64.41.200.243',
  '64.41.200.244',
  '64.41.200.245',
  '64.41.200.246',
];
const BETA = ['64.41.200.247', '64.41.200.248', '64.41.200.249'];
// The repository's governance decisions the temporary repository copies.
const RULES = {
  excluded: [105459, 68521, 66040],
  reclassified: new Map<number, [number, number]>([[70004, [3, 2]]]),
};

let smtp: TestSmtpServer | undefined;
afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
});

async function run(args: string[], env: Record<string, string> = {}) {
  const printed: string[] = [];
  const logged: string[] = [];
  const restorePrint = setPrintSink((t) => printed.push(t));
  const restoreLog = setSink((t) => logged.push(t));
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const code = await main(['report', ...args]);
    return { code, out: printed.join(''), log: logged.join('') };
  } finally {
    process.env = saved;
    restorePrint();
    restoreLog();
  }
}

describe.skipIf(FIXTURES_MISSING)(
  `vmgov report on the sample export (${MISSING_REASON} when skipped)`,
  () => {
    let root: string;
    beforeAll(async () => {
      root = await writePolicyRepo();
    });
    const source = () => [
      '--root',
      root,
      '--month',
      '2019-07',
      '--scan-report',
      SAMPLE_REPORT,
    ];

    it('writes every message to the outbox and ends with the table', async () => {
      const alpha = plainCount(ALPHA, RULES);
      const beta = plainCount(BETA, RULES);

      const { code, out } = await run(source());

      expect(code).toBe(0);
      expect(out.split('\n').map((l) => l.replace(/\s+/g, ' ').trim())).toEqual(
        [
          'unit message recipients findings status',
          `alpha executive 2 ${alpha.kept} written`,
          `alpha sg-alpha--web 1 ${plainCount(['64.41.200.246'], RULES).kept} written`,
          `beta executive 2 ${beta.kept} written`,
          `iso rollup 2 ${alpha.kept + beta.kept} written`,
          '',
        ],
      );
      const folder = path.join(root, 'out', 'reports', '2019-07', 'alpha');
      expect((await readdir(folder)).sort()).toEqual([
        'executive.eml',
        'executive.html',
        'sg-alpha--web.eml',
        'sg-alpha--web.html',
        'sysadmin-alpha-2019-07.pdf',
        'sysadmin-sg-alpha--web-2019-07.pdf',
      ]);
      const history = JSON.parse(
        await readFile(
          path.join(root, '.state', 'history', '2019-07.json'),
          'utf8',
        ),
      );
      expect(history.alpha).toEqual({
        total: alpha.kept,
        bySeverity: {
          3: alpha.bySeverity[3],
          4: alpha.bySeverity[4],
          5: alpha.bySeverity[5],
        },
        systems: alpha.systems,
        // All first found on 2019-07-31, the month's last day: no deadline
        // had run out at its end.
        overdue: 0,
      });
    });

    it('takes an empty SMTP_URL and VMGOV_TODAY as unset', async () => {
      // What a workflow passes when the SMTP_URL secret is not defined.
      const outbox = path.join(root, 'out', 'empty-env');

      const { code, out } = await run([...source(), '--outbox', outbox], {
        SMTP_URL: '',
        VMGOV_TODAY: ' ',
      });

      expect(code).toBe(0);
      expect(out).toMatch(/^iso +rollup +2 /m);
      expect((await readdir(path.join(outbox, '2019-07'))).sort()).toEqual([
        'alpha',
        'beta',
        'iso',
      ]);
    });

    it('sends through SMTP once per recipient, and a re-run sends nothing', async () => {
      smtp = await startSmtpServer();
      const beta = plainCount(BETA, RULES);

      const first = await run([...source(), '--smtp', smtp.url]);
      const again = await run([...source(), '--smtp', smtp.url]);

      expect(first.code).toBe(0);
      expect(smtp.received.map((m) => m.envelope.to[0])).toEqual([
        'head@alpha.example.edu',
        'admins@alpha.example.edu',
        'web@alpha.example.edu',
        'head@beta.example.edu',
        'admins@beta.example.edu',
        'iso-vuln-mgmt@example.edu',
        'iso-governance@example.edu',
      ]);
      const mail = smtp.received[3].parsed;
      expect(mail.subject).toBe(
        'Stanford University vulnerability report, July 2019: Beta Institute',
      );
      expect(mail.text).toContain(
        `${beta.kept} confirmed vulnerabilities of severity 3, 4 or 5 on ${beta.systems} systems.`,
      );
      expect(mail.text).toContain(
        `Severity 5: ${beta.bySeverity[5]}\nSeverity 4: ${beta.bySeverity[4]}\n`,
      );
      const [pdf] = mail.attachments;
      expect(pdf.filename).toBe('sysadmin-beta-2019-07.pdf');
      const text = (await pdfText(pdf.content)).replace(/\s+/g, ' ');
      expect(text).toContain(
        `Confirmed vulnerabilities: ${beta.kept} on ${beta.systems} systems`,
      );
      expect(text).toContain('Appendix: rules applied');
      expect(text).toContain('QID 70004: NetBIOS Bindings Information, 3 to 2');

      expect(again.code).toBe(0);
      expect(smtp.received).toHaveLength(7);
      expect(again.out).toContain('skipped-already-sent');
      // The same data renders the same bytes: no "content changed" note.
      expect(again.out).not.toContain('content changed');
      expect(again.log).not.toContain('changed since it was sent');
    });

    it('goes on past a refused address and exits 1', async () => {
      smtp = await startSmtpServer({
        rejectRecipients: ['admins@alpha.example.edu'],
      });

      const { code, out } = await run([
        ...source(),
        '--smtp',
        smtp.url,
        '--resend',
      ]);

      expect(code).toBe(1);
      expect(smtp.received).toHaveLength(6);
      expect(out).toMatch(
        /alpha +executive +2 +\d+ +failed for 1 of 2: admins@alpha\.example\.edu/,
      );
      expect(out).toMatch(/beta +executive +2 +\d+ +sent/);
    });
  },
);

describe.skipIf(FIXTURES_MISSING)(
  `vmgov report on offline detection files (${MISSING_REASON} when skipped)`,
  () => {
    it('lists a host outside every master group for ISO', async () => {
      const root = await writePolicyRepo();

      const { code, log } = await run([
        ...aprilDetections(root),
        await writeCoveredHostPage(root),
        '--kb',
        path.join(FIXTURES, 'kb_response.xml'),
      ]);

      expect(code).toBe(0);
      // 10.10.10.11 is in the program's 10.0.0.0/8: a unit's to add.
      expect(log).not.toContain('outside');
      // No host of beta's is in the data: its report must not read clean.
      expect(log).toContain(
        'warn: units with no host in the data: their reports say so units=beta',
      );
      const beta = await readFile(
        path.join(root, 'out', 'reports', '2018-04', 'beta', 'executive.html'),
        'utf8',
      );
      expect(beta).toContain(
        'None of these systems was in the scan data for April 2018',
      );
      const rollup = await readFile(
        path.join(root, 'out', 'reports', '2018-04', 'iso', 'rollup.eml'),
        'utf8',
      );
      expect(rollup).toContain('1 scanned host is in no master asset group');
      expect(rollup).toContain('10.10.10.11 (2k8r2-u-10-11): 0 findings\r\n');
      const csv = await readFile(
        path.join(
          root,
          'out',
          'reports',
          '2018-04',
          'iso',
          'coverage-2018-04.csv',
        ),
        'utf8',
      );
      expect(csv.split('\r\n').slice(0, 2)).toEqual([
        'address,dns,os,findings,in_address_space',
        '10.10.10.11,2k8r2-u-10-11,Windows 2008 R2 Enterprise Service Pack1,0,yes',
      ]);
    });

    it('refuses data with no host in any master group', async () => {
      // Another network's data, or the wrong --root: every unit would get
      // an all-clear.
      const root = await writePolicyRepo();

      const { code, log } = await run(aprilDetections(root));

      expect(code).toBe(1);
      expect(log).toContain(
        'error: none of the 1 host in detection files (1) is in a master asset ' +
          'group: every unit would be told it has nothing to fix\n' +
          'hint: check that --root is the policy repository this data ' +
          "belongs to, and that units/ holds the groups' ranges",
      );
      expect(existsSync(path.join(root, 'out'))).toBe(false);
      expect(existsSync(path.join(root, '.state'))).toBe(false);
    });
  },
);

describe('vmgov report with a bad VMGOV_TODAY', () => {
  it('names the variable, since report has no --today', async () => {
    const root = await writePolicyRepo();

    const { code, log } = await run(['--root', root], {
      VMGOV_TODAY: '2026-02-30',
    });

    expect(code).toBe(2);
    expect(log).toBe(
      'error: VMGOV_TODAY "2026-02-30" is not a date\n' +
        'hint: give VMGOV_TODAY as a real day, YYYY-MM-DD (e.g. 2026-11-30)\n',
    );
  });
});

describe('vmgov report with bad flags', () => {
  it.each([
    [['--month', '2026-13'], '--month "2026-13" is not a month'],
    [['--month', '0050-01'], '--month "0050-01" is not a month'],
    [['--month', '2099-01'], '--month 2099-01 has not ended yet'],
    [['--kb', 'kb.xml'], '--kb needs --detections'],
    // Before any source is opened, so a typo costs no collection time.
    [
      ['--smtp', 'http://mail.example.edu'],
      '--smtp must start with smtp:// or smtps://, not http://',
    ],
    [
      ['--scan-report', 'a.xml', '--detections', 'b.xml'],
      '--scan-report and --detections cannot be used together',
    ],
  ])('refuses %j with exit 2', async (args, message) => {
    const root = await writePolicyRepo();

    const { code, log } = await run(['--root', root, ...args]);

    expect(code).toBe(2);
    expect(log).toContain(message);
    expect(existsSync(path.join(root, 'out'))).toBe(false);
  });
});

import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import {
  FIXTURES,
  FIXTURES_MISSING,
  MISSING_REASON,
  SAMPLE_REPORT,
} from '../findings/sample-report.ts';
import { writePolicyRepo } from '../reports/policy-repo.ts';
import {
  aprilDetections,
  writeCoveredHostPage,
} from '../support/detection-page.ts';
import { runCli } from '../support/run-cli.ts';

const HOST_LIST = /<HOST_LIST>([\s\S]*)<\/HOST_LIST>/;

describe.skipIf(FIXTURES_MISSING)(
  `vmgov report checks its data against the month (${MISSING_REASON} when skipped)`,
  () => {
    let root: string;
    let sample: string;
    let scratch: string;
    beforeAll(async () => {
      root = await writePolicyRepo();
      sample = await readFile(SAMPLE_REPORT, 'utf8');
      scratch = await mkdtemp(path.join(tmpdir(), 'vmgov-report-data-'));
    });

    async function report(file: string, month: string, extra: string[] = []) {
      return runCli([
        'report',
        '--root',
        root,
        '--month',
        month,
        '--scan-report',
        file,
        '--outbox',
        path.join(scratch, `out-${month}`),
        ...extra,
      ]);
    }

    /** April 2018 from the real detections.xml and a covered host. */
    async function reportOnDetections(outbox: string, extra: string[] = []) {
      return runCli([
        'report',
        ...aprilDetections(root),
        await writeCoveredHostPage(scratch),
        '--outbox',
        path.join(scratch, outbox),
        ...extra,
      ]);
    }

    async function variant(name: string, text: string): Promise<string> {
      const file = path.join(scratch, name);
      await writeFile(file, text);
      return file;
    }

    it.each([
      [
        '2019-08',
        `scan report ${SAMPLE_REPORT} is from 2019-08-01, before 2019-08 ended`,
      ],
      [
        '2019-06',
        'every finding was first found after 2019-06-30, the end of 2019-06',
      ],
    ])('refuses --month %s for data of July 2019', async (month, message) => {
      const { code, err } = await report(SAMPLE_REPORT, month);

      expect(code).toBe(2);
      expect(err).toContain(message);
      expect(err).toContain('use --month 2019-07');
      expect(existsSync(path.join(scratch, `out-${month}`))).toBe(false);
    });

    it('refuses a scan report without hosts', async () => {
      const file = await variant(
        'empty.xml',
        sample.replace(HOST_LIST, '<HOST_LIST></HOST_LIST>'),
      );

      const { code, err } = await report(file, '2019-07');

      expect(code).toBe(1);
      expect(err).toContain(
        `scan report ${file} holds no hosts: nothing to report`,
      );
    });

    it('refuses a severity that is not 1 to 5 and names its QID', async () => {
      const details = /<VULN_DETAILS id="qid_(\d+)">[\s\S]*?<\/VULN_DETAILS>/g;
      const first = [...sample.matchAll(details)].find((m) =>
        m[0].includes('<SEVERITY>5</SEVERITY>'),
      )!;
      const broken = first[0].replace(
        '<SEVERITY>5</SEVERITY>',
        '<SEVERITY>seven</SEVERITY>',
      );
      const file = await variant(
        'severity.xml',
        sample.replace(first[0], broken),
      );

      const { code, err } = await report(file, '2019-07');

      expect(code).toBe(1);
      expect(err).toContain(
        `${file}: QID ${first[1]} has SEVERITY "seven" in the glossary, not 1 to 5`,
      );
    });

    it('refuses a --kb SEVERITY_LEVEL that is not 1 to 5', async () => {
      const kb = await readFile(path.join(FIXTURES, 'kb_response.xml'), 'utf8');
      const file = await variant(
        'kb-severity.xml',
        kb.replace(
          '<SEVERITY_LEVEL>2</SEVERITY_LEVEL>',
          '<SEVERITY_LEVEL>9</SEVERITY_LEVEL>',
        ),
      );

      const { code, err } = await reportOnDetections('out-kb-severity', [
        '--kb',
        file,
      ]);

      expect(code).toBe(1);
      expect(err).toContain(
        `${file}: not a KnowledgeBase response: ` +
          'VULN SEVERITY_LEVEL is "9", not 1 to 5',
      );
    });

    it('counts a host listed twice once, and says so', async () => {
      const hosts = HOST_LIST.exec(sample)![1];
      const doubled = await variant(
        'doubled.xml',
        sample.replace(HOST_LIST, `<HOST_LIST>${hosts}${hosts}</HOST_LIST>`),
      );

      const once = await report(SAMPLE_REPORT, '2019-07');
      const twice = await report(doubled, '2019-07', ['--resend']);

      expect(twice.code).toBe(0);
      expect(twice.out).toBe(once.out);
      const listed = hosts.match(/<HOST>/g)!.length;
      expect(listed).toBe(7);
      expect(twice.err).toContain(
        `hosts listed twice in the source: only their first listing counted hosts=${listed}`,
      );
    });

    it('refuses an outbox that is a file', async () => {
      const file = await variant('not-a-folder', 'x');

      // The last --outbox given is the one used.
      const { code, err } = await report(SAMPLE_REPORT, '2019-07', [
        '--outbox',
        file,
      ]);

      expect(code).toBe(2);
      expect(err).toContain(`the outbox ${file} is a file, not a folder`);
    });

    it('warns that titles are missing when --kb is not given', async () => {
      const { code, err } = await reportOnDetections('out-no-kb');

      expect(code).toBe(0);
      expect(err).toContain(
        'warn: no --kb given: titles and KnowledgeBase texts are missing',
      );
    });

    // root may write anywhere: the refusal can only be seen as another user.
    it.skipIf(process.getuid?.() === 0)(
      'refuses an outbox in a folder it may not write (skipped as root)',
      async () => {
        const locked = path.join(scratch, 'locked');
        await mkdir(locked, { mode: 0o555 });

        const { code, err } = await report(SAMPLE_REPORT, '2019-07', [
          '--outbox',
          path.join(locked, 'out'),
        ]);

        expect(code).toBe(2);
        expect(err).toContain(`error: no permission to write in ${locked}`);
        expect(err).not.toContain('findings collected');
      },
    );

    it('refuses a corrupt ledger before collecting', async () => {
      const own = await writePolicyRepo();
      await mkdir(path.join(own, '.state', 'ledger'), { recursive: true });
      await writeFile(path.join(own, '.state', 'ledger', '2019-07.json'), '{');

      const { code, err } = await runCli([
        'report',
        '--root',
        own,
        '--month',
        '2019-07',
        '--scan-report',
        SAMPLE_REPORT,
      ]);

      expect(code).toBe(1);
      expect(err).toContain(
        'error: state ledger/2019-07.json is not valid JSON',
      );
      expect(err).not.toContain('findings collected');
      expect(existsSync(path.join(own, 'out'))).toBe(false);
    });

    it('refuses an outbox below a file before collecting', async () => {
      const file = await variant('a-file', 'x');

      const { code, err } = await report(SAMPLE_REPORT, '2019-07', [
        '--outbox',
        path.join(file, 'sub'),
      ]);

      expect(code).toBe(2);
      expect(err).toContain(`in the outbox path ${file} is a file`);
      expect(err).not.toContain('findings collected');
    });
  },
);

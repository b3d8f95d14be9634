import { afterAll, describe, expect, it } from 'vitest';

import {
  EXCLUDED,
  TODAY,
  removeRepos,
  writeRepo,
} from '../support/policy-repo.ts';
import { edit } from '../support/problem-lines.ts';
import { runCli } from '../support/run-cli.ts';

afterAll(removeRepos);

const X = 'policy/excluded-qids.yaml';
const soon = edit(EXCLUDED, 'review_by: 2027-01-15', 'review_by: 2026-12-20');

describe('vmgov validate', () => {
  it('exits 0 and says so on a clean repository', async () => {
    const root = await writeRepo();
    const run = await runCli(['validate', '--root', root, '--today', TODAY]);
    expect(run).toEqual({ code: 0, out: 'no problems found\n', err: '' });
  });

  it('exits 0 with warnings, printing each with its hint', async () => {
    const root = await writeRepo({ [X]: soon });
    const run = await runCli(['validate', '--root', root, '--today', TODAY]);
    expect(run.code).toBe(0);
    expect(run.out).toBe(
      [
        `${X}:7:16  warning  review-due-soon  exclusion of QID 105459 is due for review on 2026-12-20 (in 17 days)`,
        '    hint: put it on the next governance agenda',
        '0 errors, 1 warning',
        '',
      ].join('\n'),
    );
  });

  it('reads today from VMGOV_TODAY when no option is given', async () => {
    const root = await writeRepo({ [X]: soon });
    process.env.VMGOV_TODAY = '2026-12-21';
    try {
      const run = await runCli(['validate', '--root', root]);
      expect(run.code).toBe(1);
      expect(run.out.split('\n')[0]).toBe(
        `${X}:7:16  error  review-overdue  exclusion of QID 105459 was due for review on 2026-12-20 (1 days ago)`,
      );
    } finally {
      delete process.env.VMGOV_TODAY;
    }
  });

  it('prints JSON with the counts and every problem', async () => {
    const root = await writeRepo({
      [X]: edit(soon, 'qid: 105459', 'qid: 105458'),
    });
    const run = await runCli([
      'validate',
      '--root',
      root,
      '--today',
      TODAY,
      '--format',
      'json',
    ]);
    expect(run.code).toBe(1);
    const parsed = JSON.parse(run.out);
    expect(parsed.errors).toBe(1);
    expect(parsed.warnings).toBe(1);
    expect(parsed.problems[0]).toEqual({
      level: 'error',
      rule: 'qid-unknown',
      message: 'QID 105458 is not in policy/kb-snapshot.yaml',
      hint: 'check the QID, then add its KnowledgeBase facts to the snapshot',
      at: { file: X, line: 2, col: 10 },
    });
  });

  it.each([
    [
      ['--format', 'xml'],
      'error: unknown format "xml"\nhint: use --format text or --format json\n',
    ],
    [
      ['--today', '2026-13-40'],
      'error: --today "2026-13-40" is not a date\n' +
        'hint: give --today as a real day, YYYY-MM-DD (e.g. 2026-11-30)\n',
    ],
    [
      ['--today', '2026-02-30'],
      'error: --today "2026-02-30" is not a date\n' +
        'hint: give --today as a real day, YYYY-MM-DD (e.g. 2026-11-30)\n',
    ],
  ])('exits 2 for bad options %j', async (args, err) => {
    const root = await writeRepo();
    const run = await runCli(['validate', '--root', root, ...args]);
    expect(run).toEqual({ code: 2, out: '', err });
  });

  it('reports a missing policy file and a missing CODEOWNERS', async () => {
    const root = await writeRepo(
      { 'policy/never-ignore.yaml': null },
      { codeowners: false },
    );
    const run = await runCli(['validate', '--root', root, '--today', TODAY]);
    expect(run.code).toBe(1);
    expect(run.out).toBe(
      [
        'policy/never-ignore.yaml:1:1  error  file-missing  policy/never-ignore.yaml is missing',
        '    hint: create policy/never-ignore.yaml; see schemas/never-ignore.schema.json',
        '1 error, 0 warnings',
        '',
      ].join('\n'),
    );
  });
});

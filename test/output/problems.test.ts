import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it, vi } from 'vitest';

import {
  ANNOTATION_LIMIT,
  formatProblemsText,
  reportToGitHub,
} from '../../scripts/output/problems.ts';
import type { Problem } from '../../scripts/policy/model.ts';

function problem(level: Problem['level'], n: number): Problem {
  return {
    level,
    rule: 'range-syntax',
    message: `problem <${n}>`,
    hint: 'fix it',
    at: { file: 'units/a.yaml', line: n, col: 3 },
  };
}

const many = [
  ...Array.from({ length: 12 }, (_, i) => problem('error', i + 1)),
  ...Array.from({ length: 11 }, (_, i) => problem('warning', i + 20)),
];

afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.GITHUB_STEP_SUMMARY;
});

describe('problem output', () => {
  it('prints one line per problem, its hint, and the counts', () => {
    expect(
      formatProblemsText([problem('error', 4), problem('warning', 9)]),
    ).toBe(
      [
        'units/a.yaml:4:3  error  range-syntax  problem <4>',
        '    hint: fix it',
        'units/a.yaml:9:3  warning  range-syntax  problem <9>',
        '    hint: fix it',
        '1 error, 1 warning',
        '',
      ].join('\n'),
    );
  });

  it('annotates at most 10 errors and 10 warnings, and lists all in the summary', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'vmgov-summary-'));
    const summary = join(folder, 'summary.md');
    await writeFile(summary, '');
    process.env.GITHUB_STEP_SUMMARY = summary;
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });

    const made = await reportToGitHub(many, process.env);

    expect(made).toEqual({
      errors: ANNOTATION_LIMIT,
      warnings: ANNOTATION_LIMIT,
    });
    const commands = written.join('').split('\n').filter(Boolean);
    expect(commands.filter((c) => c.startsWith('::error ')).length).toBe(10);
    expect(commands.filter((c) => c.startsWith('::warning ')).length).toBe(10);
    expect(commands[0]).toBe(
      '::error title=range-syntax,file=units/a.yaml,line=1,col=3::problem <1>%0Ahint: fix it',
    );
    const html = await readFile(summary, 'utf8');
    expect(html).toContain('12 errors, 11 warnings');
    expect(html.match(/<tr>/g)?.length).toBe(1 + 23);
    expect(html).toContain('<td>problem &lt;12&gt;</td>');
    await rm(folder, { recursive: true, force: true });
  });
});

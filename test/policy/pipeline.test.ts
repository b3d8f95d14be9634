import { afterAll, describe, expect, it } from 'vitest';

import { loadPolicy } from '../../scripts/policy/load.ts';
import {
  ALPHA,
  PROGRAM,
  TODAY,
  removeRepos,
  writeRepo,
} from '../support/policy-repo.ts';
import { edit } from '../support/problem-lines.ts';

afterAll(removeRepos);

async function problemsOf(files: Record<string, string>) {
  const root = await writeRepo(files);
  return (await loadPolicy(root, { today: TODAY })).problems;
}

describe('the loading pipeline', () => {
  it('warns about a folder in units/, whose files are not read', async () => {
    const problems = await problemsOf({ 'units/old/alpha.yaml': ALPHA });

    expect(problems).toEqual([
      {
        level: 'warning',
        rule: 'unit-in-subfolder',
        message:
          'units/old/ is a folder: vmgov reads only the files directly in units/',
        hint: 'move its unit files up into units/, or remove the folder',
        at: { file: 'units/old', line: 1, col: 1 },
      },
    ]);
  });

  it('names a second YAML document at its "---" line', async () => {
    const problems = await problemsOf({
      'units/alpha.yaml': `${ALPHA}---\nid: beta\n`,
    });

    expect(
      problems.map((p) => [p.rule, p.at.file, p.at.line, p.message]),
    ).toEqual([
      [
        'yaml-syntax',
        'units/alpha.yaml',
        ALPHA.split('\n').length,
        'a second YAML document starts here (a "---" line): a policy file ' +
          'holds one',
      ],
    ]);
  });

  it('places a missing key on the mapping that should hold it, with the schema as hint', async () => {
    const [problem] = await problemsOf({
      'units/alpha.yaml': edit(ALPHA, '    scanner: scanner-a\n', ''),
    });
    expect(problem).toEqual({
      level: 'error',
      rule: 'schema',
      message: 'master_asset_groups[0]: missing required key "scanner"',
      hint: expect.stringMatching(/\S/),
      at: { file: 'units/alpha.yaml', line: 11, col: 5 },
    });
  });

  it('places an unknown key on the key itself and lists the allowed keys', async () => {
    const problems = await problemsOf({
      'units/alpha.yaml': edit(ALPHA, 'business_impact: high', 'impact: high'),
    });
    const problem = problems.find((p) => p.message.includes('unknown key'));
    expect(problem?.at).toEqual({ file: 'units/alpha.yaml', line: 16, col: 5 });
    expect(problem?.message).toBe(
      'master_asset_groups[0]: unknown key "impact"',
    );
    expect(problem?.hint).toMatch(
      /^allowed keys here: title, .*business_impact/,
    );
  });

  it.each([
    ['buisness_impact', 'business_impact'],
    ['scaner', 'scanner'],
    ['low-intensity', 'low_intensity'],
  ])('suggests the key a typo "%s" meant', async (typo, meant) => {
    const problems = await problemsOf({
      'units/alpha.yaml': edit(ALPHA, meant, typo),
    });
    const problem = problems.find((p) => p.message.includes('unknown key'));
    expect(problem?.message).toBe(
      `master_asset_groups[0]: unknown key "${typo}"`,
    );
    expect(problem?.hint).toMatch(
      new RegExp(`^did you mean "${meant}"\\? allowed keys here: title, `),
    );
  });

  it('names the key that appears twice', async () => {
    const problems = await problemsOf({
      'policy/program.yaml': edit(
        PROGRAM,
        'send_day: 1',
        'send_day: 1\n  send_day: 2',
      ),
    });
    expect(problems[0]?.message).toBe(
      'key "send_day" appears twice in this mapping',
    );
  });

  it('reports every problem of every file at once', async () => {
    const problems = await problemsOf({
      'units/alpha.yaml': edit(ALPHA, '10.0.1.0/24', '10.0.1.1/24'),
      'policy/program.yaml': edit(
        PROGRAM,
        'send_day: 1',
        'send_day: 1\n  send_day: 2',
      ),
    });
    expect(problems.map((p) => `${p.at.file}:${p.at.line} ${p.rule}`)).toEqual([
      'policy/program.yaml:9 yaml-duplicate-key',
      'units/alpha.yaml:13 range-syntax',
    ]);
  });

  it('gives no model when a policy file cannot be read', async () => {
    const root = await writeRepo({ 'policy/program.yaml': '{' });
    const { model, problems } = await loadPolicy(root, { today: TODAY });
    expect(model).toBeUndefined();
    expect(problems[0]?.rule).toBe('yaml-syntax');
    expect(problems[0]?.at.file).toBe('policy/program.yaml');
  });
});

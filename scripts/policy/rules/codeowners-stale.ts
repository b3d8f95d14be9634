/**
 * `codeowners-stale`: .github/CODEOWNERS is exactly what the units and the
 * program generate, so an owner change in a unit file takes effect on the
 * very pull request that makes it.
 */
import { CODEOWNERS_FILE } from '../files.ts';
import { renderCodeowners } from '../codeowners.ts';
import { error } from '../problem.ts';
import type { Rule } from './rule.ts';

const HINT = 'run `vmgov codeowners --write` and commit the result';

export const codeownersStale: Rule = {
  ids: ['codeowners-stale'],
  check({ model, codeowners, unreadable }) {
    // Without every unit the generated text would be incomplete.
    if ([...unreadable].some((file) => file.startsWith('units/'))) return [];
    const expected = renderCodeowners(model);
    if (codeowners === undefined) {
      return [
        error(
          'codeowners-stale',
          { file: CODEOWNERS_FILE, line: 1, col: 1 },
          `${CODEOWNERS_FILE} is missing`,
          HINT,
        ),
      ];
    }
    if (codeowners === expected) return [];
    const have = codeowners.split('\n');
    const want = expected.split('\n');
    let line = 0;
    while (line < want.length && have[line] === want[line]) line += 1;
    const shown =
      want[line] === undefined || want[line] === ''
        ? 'nothing'
        : `"${want[line]}"`;
    return [
      error(
        'codeowners-stale',
        { file: CODEOWNERS_FILE, line: line + 1, col: 1 },
        `${CODEOWNERS_FILE} is out of date: line ${line + 1} should be ${shown}`,
        HINT,
      ),
    ];
  },
};

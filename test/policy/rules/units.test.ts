import { afterAll, describe, expect, it } from 'vitest';

import { ALPHA, BETA, removeRepos } from '../../support/policy-repo.ts';
import {
  type RuleCase,
  edit,
  problemLines,
} from '../../support/problem-lines.ts';

afterAll(removeRepos);

const A = 'units/alpha.yaml';
const B = 'units/beta.yaml';

describe('unit rules', () => {
  it.each<RuleCase>([
    {
      name: 'the unit id must equal the file name',
      files: { [B]: null, 'units/gamma.yaml': BETA },
      expected: [
        `units/gamma.yaml:1:5 error unit-id-file-name unit id "beta" does not match the file name units/gamma.yaml`,
      ],
    },
    {
      name: 'two units with one id',
      files: {
        'units/beta2.yaml': edit(
          edit(BETA, 'mg-beta', 'mg-beta-two'),
          '10.0.200.0/24',
          '10.0.201.0/24',
        ),
      },
      expected: [
        `units/beta2.yaml:1:5 error unique-id unit id "beta" is already used by ${B}:1`,
        `units/beta2.yaml:1:5 error unit-id-file-name unit id "beta" does not match the file name units/beta2.yaml`,
      ],
    },
    {
      name: 'a master title used twice',
      files: { [B]: edit(BETA, 'mg-beta', 'mg-alpha') },
      expected: [
        `${B}:11:12 error unique-title title "mg-alpha" is already used at ${A}:11`,
      ],
    },
    {
      name: 'a master title with unsafe characters',
      files: { [B]: edit(BETA, 'mg-beta', 'mg-Beta_Lib') },
      expected: [
        `${B}:11:12 error title-format master group title "mg-Beta_Lib" is not "mg-" followed by lower-case words joined by single hyphens`,
      ],
    },
    {
      name: 'the low-intensity sub-group name is reserved',
      files: { [A]: edit(ALPHA, 'name: lab', 'name: low-intensity') },
      expected: [
        `${A}:20:9 error title-format sub-group name "low-intensity" is reserved for the low_intensity devices`,
      ],
    },
  ])('$name', async ({ files, expected }) => {
    expect(await problemLines(files)).toEqual(expected);
  });
});

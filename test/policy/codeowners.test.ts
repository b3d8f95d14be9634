import { describe, expect, it } from 'vitest';

import {
  matches,
  ownersFor,
  parseCodeowners,
} from '../../scripts/policy/codeowners.ts';

const TEXT = `# comment
* @org/maintainers
/policy/ @org/governance   # trailing comment
/units/med.yaml @org/med-it @org/governance
*.md @org/docs
docs/**/guide.txt @org/writers
`;

describe('parseCodeowners and ownersFor', () => {
  it('keeps each rule with its line', () => {
    expect(parseCodeowners(TEXT)).toEqual([
      { pattern: '*', owners: ['@org/maintainers'], line: 2 },
      { pattern: '/policy/', owners: ['@org/governance'], line: 3 },
      {
        pattern: '/units/med.yaml',
        owners: ['@org/med-it', '@org/governance'],
        line: 4,
      },
      { pattern: '*.md', owners: ['@org/docs'], line: 5 },
      { pattern: 'docs/**/guide.txt', owners: ['@org/writers'], line: 6 },
    ]);
  });

  it.each([
    ['units/med.yaml', ['@org/med-it', '@org/governance']],
    ['/units/med.yaml', ['@org/med-it', '@org/governance']],
    ['units/eng.yaml', ['@org/maintainers']],
    ['policy/program.yaml', ['@org/governance']],
    ['policy/sub/deep.yaml', ['@org/governance']],
    ['README.md', ['@org/docs']],
    ['policy/notes.md', ['@org/docs']],
    ['docs/a/b/guide.txt', ['@org/writers']],
  ])('%s is owned by %j (the last match wins)', (path, owners) => {
    expect(ownersFor(TEXT, path)).toEqual(owners);
  });

  it.each([
    ['/policy/', 'policy', false],
    ['/policy/', 'other/policy/x', false],
    // As in GitHub's docs: `apps/` matches an apps folder anywhere.
    ['policy/', 'other/policy/x', true],
    ['*.yaml', 'units/a.yaml', true],
    ['/units/a.yaml', 'units/a.yaml.bak', false],
  ])('pattern %s against %s is %s', (pattern, path, expected) => {
    expect(matches(pattern, path)).toBe(expected);
  });
});

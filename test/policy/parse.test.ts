import { describe, expect, it } from 'vitest';

import { parseSource } from '../../scripts/policy/parse.ts';

describe('parseSource', () => {
  it.each([
    ['a plain key', 'id: a\nname: x\nname: y\n', 'name', 3],
    ['a nested key', 'a:\n  b: 1\n  b: 2\n', 'b', 3],
    ['a quoted key', '"my key": 1\n"my key": 2\n', 'my key', 2],
    ['a single-quoted key', "'it''s': 1\n'it''s': 2\n", "it's", 2],
    ['the last line without newline', 'ok: 1\nok: 2', 'ok', 2],
  ])('names %s that appears twice', (_name, text, key, line) => {
    const { problems } = parseSource('units/a.yaml', 'unit', text);

    expect(problems.map((p) => [p.rule, p.at.line, p.message])).toEqual([
      [
        'yaml-duplicate-key',
        line,
        `key "${key}" appears twice in this mapping`,
      ],
    ]);
  });

  it.each([
    ['one line', 'a:\n\tb: 1\n', 'line 2', 2],
    ['a block', 'a:\n\t- 1\n\t- 2\n\t- 3\nc:\n\t- 4\n', 'lines 2-4, 6', 2],
    // yaml itself flags only some of these lines, and adds other errors.
    [
      'keys and items',
      'id: a\nranges:\n\t- 10.0.0.0/8\nowners:\n  - x\nm:\n\tk: 1\n\tl:\n\t\t- 2\n',
      'lines 3, 7-9',
      3,
    ],
  ])('reports tabs on %s as one problem', (_name, text, lines, line) => {
    const { problems } = parseSource('units/a.yaml', 'unit', text);

    expect(problems.map((p) => [p.rule, p.at.line, p.message])).toEqual([
      ['yaml-syntax', line, `a tab indents ${lines}`],
    ]);
  });
});

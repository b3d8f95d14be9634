import { describe, expect, it } from 'vitest';

import { parseAddress, parseRange } from '../../scripts/net/address.ts';
import { RangeIndex } from '../../scripts/net/range-index.ts';

const index = new RangeIndex(
  [
    ['10.0.0.0/8', 'campus'],
    ['10.1.0.0/16', 'med'],
    ['10.1.2.0/24', 'med-lab'],
    ['10.200.0.0-10.200.0.9', 'tail'],
    ['2001:db8::/32', 'v6'],
  ].map(([text, value]) => ({
    range: parseRange(text),
    value: value,
  })),
);

describe('RangeIndex', () => {
  it.each([
    ['10.1.2.3', ['campus', 'med', 'med-lab']],
    ['10.1.3.3', ['campus', 'med']],
    ['10.200.0.9', ['campus', 'tail']],
    ['10.255.255.255', ['campus']],
    ['11.0.0.0', []],
    ['2001:db8::5', ['v6']],
    ['2001:db9::', []],
  ])('finds every entry holding %s', (address, expected) => {
    const { family, value } = parseAddress(address);
    expect(index.lookup(family, value)).toEqual(expected);
  });

  it('finds a long range that starts before shorter ones', () => {
    const wide = new RangeIndex([
      { range: parseRange('10.0.0.0-10.0.9.255'), value: 'wide' },
      { range: parseRange('10.0.1.0/24'), value: 'a' },
      { range: parseRange('10.0.2.0/24'), value: 'b' },
    ]);
    expect(wide.lookup(4, parseAddress('10.0.8.1').value)).toEqual(['wide']);
  });
});

import { describe, expect, it } from 'vitest';

import { AddressSet } from '../../scripts/net/address-set.ts';
import { parseAddress } from '../../scripts/net/address.ts';

const set = (...texts: string[]): AddressSet => AddressSet.parse(texts);

describe('AddressSet', () => {
  it.each([
    [['10.0.0.0/25', '10.0.0.128/25'], ['10.0.0.0-10.0.0.255']],
    [['10.0.0.10-10.0.0.20', '10.0.0.15-10.0.0.30'], ['10.0.0.10-10.0.0.30']],
    [['10.0.0.9', '10.0.0.10'], ['10.0.0.9-10.0.0.10']],
    [
      ['2001:db8::/64', '10.0.0.1'],
      ['10.0.0.1', '2001:db8::-2001:db8::ffff:ffff:ffff:ffff'],
    ],
  ])('merges %j into %j', (texts, merged) => {
    expect(set(...texts).toQualys()).toEqual(merged);
  });

  it.each([
    [
      'subtract',
      ['10.0.0.0/24'],
      ['10.0.0.16/28', '10.0.0.255'],
      ['10.0.0.0-10.0.0.15', '10.0.0.32-10.0.0.254'],
    ],
    ['subtract', ['10.0.0.0/30'], ['10.0.0.0/24'], []],
    [
      'intersect',
      ['10.0.0.0/24', '10.0.2.0/24'],
      ['10.0.0.128-10.0.2.5'],
      ['10.0.0.128-10.0.0.255', '10.0.2.0-10.0.2.5'],
    ],
    ['union', ['10.0.0.0/24'], ['10.0.1.0/24'], ['10.0.0.0-10.0.1.255']],
  ] as const)('%s of %j and %j is %j', (op, a, b, expected) => {
    expect(
      set(...a)
        [op](set(...b))
        .toQualys(),
    ).toEqual(expected);
  });

  it('answers containment and size', () => {
    const campus = set('10.0.0.0/16', '10.2.0.0/16');
    const probe = parseAddress('10.2.3.4');
    expect(campus.contains(4, probe.value)).toBe(true);
    expect(campus.contains(4, parseAddress('10.1.0.0').value)).toBe(false);
    expect(campus.containsSet(set('10.0.5.0/24'))).toBe(true);
    expect(campus.containsSet(set('10.0.255.0-10.1.0.0'))).toBe(false);
    expect(campus.size()).toBe(131072n);
    expect(campus.equals(set('10.0.0.0-10.0.255.255', '10.2.0.0/16'))).toBe(
      true,
    );
    expect(AddressSet.empty().isEmpty()).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';

import {
  RangeSyntaxError,
  formatAddress,
  formatRange,
  parseAddress,
  parseRange,
  rangeSize,
  rangeToCidrs,
} from '../../scripts/net/address.ts';

function failure(text: string): { message: string; hint: string } {
  try {
    parseRange(text);
  } catch (error) {
    if (error instanceof RangeSyntaxError) {
      return { message: error.message, hint: error.hint };
    }
    throw error;
  }
  throw new Error(`${text} parsed`);
}

describe('parseRange', () => {
  it.each([
    ['171.64.12.0/24', 'cidr', '171.64.12.0-171.64.12.255'],
    ['171.64.12.7', 'single', '171.64.12.7'],
    ['171.64.12.10-171.64.12.20', 'range', '171.64.12.10-171.64.12.20'],
    ['171.64.12.10 - 171.64.12.20', 'range', '171.64.12.10-171.64.12.20'],
    ['0.0.0.0/0', 'cidr', '0.0.0.0-255.255.255.255'],
    ['0.0.0.0', 'single', '0.0.0.0'],
    ['255.255.255.255', 'single', '255.255.255.255'],
    ['  171.64.12.7 ', 'single', '171.64.12.7'],
    [
      '2607:f6d0::/32',
      'cidr',
      '2607:f6d0::-2607:f6d0:ffff:ffff:ffff:ffff:ffff:ffff',
    ],
    ['2607:F6D0::1', 'single', '2607:f6d0::1'],
    ['2607:f6d0::1-2607:f6d0::ff', 'range', '2607:f6d0::1-2607:f6d0::ff'],
    ['::ffff:10.0.0.1', 'single', '::ffff:a00:1'],
  ])('reads %s as a %s block %s', (text, kind, shown) => {
    const range = parseRange(text);
    expect(range.kind).toBe(kind);
    expect(formatRange(range)).toBe(shown);
  });

  it.each([
    [
      '10.0.01.0/24',
      '"10.0.01.0" has an octet with a leading zero',
      'write it without leading zeros, e.g. "10.0.1.0"',
    ],
    [
      '010.1.1.1',
      '"010.1.1.1" has an octet with a leading zero',
      'write it without leading zeros, e.g. "10.1.1.1"',
    ],
    ...['1.2..3', '1.2.3.4.5', '1.2.3', '1.2.3.4a'].map((text) => [
      text,
      `"${text}" is not an IPv4 or IPv6 address`,
      'write an address such as 171.64.10.5 or 2607:f6d0::1',
    ]),
    [
      '10.0.0.256',
      '"10.0.0.256" has an octet above 255',
      'each of the four numbers must be between 0 and 255',
    ],
    [
      '10.0.0.1000',
      '"10.0.0.1000" has an octet above 255',
      'each of the four numbers must be between 0 and 255',
    ],
    [
      '10.0.0.1/24',
      '"10.0.0.1/24" has host bits set',
      'did you mean 10.0.0.0/24? A CIDR block must start at its network address',
    ],
    [
      '2001:db8::1/32',
      '"2001:db8::1/32" has host bits set',
      'did you mean 2001:db8::/32? A CIDR block must start at its network address',
    ],
    [
      '10.0.0.0/33',
      '"10.0.0.0/33" has prefix /33, outside 0-32 for IPv4',
      'use a prefix between 0 and 32',
    ],
    [
      '2001:db8::/129',
      '"2001:db8::/129" has prefix /129, outside 0-128 for IPv6',
      'use a prefix between 0 and 128',
    ],
    [
      '10.0.0.9-10.0.0.1',
      '"10.0.0.9-10.0.0.1" is reversed: its first address is after its last',
      'write 10.0.0.1-10.0.0.9',
    ],
    [
      '10.0.0.1-2001:db8::1',
      '"10.0.0.1-2001:db8::1" mixes IPv4 and IPv6',
      'both ends of a range must be of the same family',
    ],
    [
      '10.0.0.0/24/8',
      '"10.0.0.0/24/8" is not a CIDR block',
      'write address/prefix, e.g. 171.64.12.0/24',
    ],
    [
      '10.0.0.1-10.0.0.2-10.0.0.3',
      '"10.0.0.1-10.0.0.2-10.0.0.3" is not a range',
      'write first-last, e.g. 171.64.12.10-171.64.12.20',
    ],
    [
      'fe80::1%eth0',
      '"fe80::1%eth0" carries a zone id',
      'remove the %zone part',
    ],
    [
      'www.example.edu',
      '"www.example.edu" is not an IPv4 or IPv6 address',
      'write an address such as 171.64.10.5 or 2607:f6d0::1',
    ],
    [
      '10.0.0',
      '"10.0.0" is not an IPv4 or IPv6 address',
      'write an address such as 171.64.10.5 or 2607:f6d0::1',
    ],
  ])('refuses %s', (text, message, hint) => {
    expect(failure(text)).toEqual({ message, hint });
  });
});

describe('address helpers', () => {
  it('parses and prints both families', () => {
    expect(parseAddress('171.64.1.2')).toEqual({
      family: 4,
      value: 2873098498n,
    });
    expect(formatAddress(4, 2873098498n)).toBe('171.64.1.2');
    expect(formatAddress(6, 1n)).toBe('::1');
  });

  it.each([
    ['10.0.0.0-10.0.0.255', ['10.0.0.0/24']],
    [
      '10.0.0.1-10.0.0.6',
      ['10.0.0.1/32', '10.0.0.2/31', '10.0.0.4/31', '10.0.0.6/32'],
    ],
    ['2001:db8::-2001:db8::3', ['2001:db8::/126']],
  ])('covers %s with the fewest CIDR blocks', (text, cidrs) => {
    expect(rangeToCidrs(parseRange(text))).toEqual(cidrs);
  });

  it('counts addresses with bigint', () => {
    expect(rangeSize(parseRange('2607:f6d0::/32'))).toBe(2n ** 96n);
  });
});

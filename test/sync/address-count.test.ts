import { describe, expect, it } from 'vitest';

import { AddressSet } from '../../scripts/net/address-set.ts';
import {
  countOf,
  describeCount,
  limitMeasure,
  thousands,
} from '../../scripts/sync/address-count.ts';

describe('countOf', () => {
  it.each([
    ['IPv4 only', ['10.0.0.0/16', '10.1.0.1'], '65537', '0'],
    ['one IPv6 /64', ['2001:db8::/64'], '0', '1'],
    ['an IPv6 /48', ['2001:db8:1::/48'], '0', '65536'],
    ['two hosts in one /64', ['2001:db8::1', '2001:db8::5'], '0', '1'],
    [
      'a range across a /64 boundary',
      ['2001:db8::ffff:ffff:ffff:fff0-2001:db8:0:1::10'],
      '0',
      '2',
    ],
    ['mixed', ['192.0.2.0/24', '2001:db8::/60'], '256', '16'],
  ])('counts %s', (_name, ranges, ipv4, ipv6Networks64) => {
    expect(countOf(AddressSet.parse(ranges))).toEqual({
      ipv4,
      ipv6Networks64,
    });
  });
});

describe('describeCount', () => {
  it.each([
    ['0', '0', 'no addresses'],
    ['1', '0', '1 IPv4 address'],
    ['69633', '0', '69,633 IPv4 addresses'],
    ['0', '1', '1 IPv6 /64 network'],
    ['0', '16777216', '16,777,216 IPv6 /64 networks'],
    ['69633', '2', '69,633 IPv4 addresses and 2 IPv6 /64 networks'],
  ])('words %s IPv4 and %s IPv6 /64 as "%s"', (ipv4, v6, text) => {
    expect(describeCount({ ipv4, ipv6Networks64: v6 })).toBe(text);
  });
});

describe('limitMeasure', () => {
  it('weighs one IPv6 /64 like one IPv4 address', () => {
    expect(limitMeasure({ ipv4: '4095', ipv6Networks64: '1' })).toBe(4096n);
  });
});

describe('thousands', () => {
  it.each([
    [0n, '0'],
    [999n, '999'],
    [1000n, '1,000'],
    [1234567n, '1,234,567'],
  ])('groups %s as %s', (value, text) => {
    expect(thousands(value)).toBe(text);
  });
});

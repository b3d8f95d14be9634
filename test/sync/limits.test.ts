import { describe, expect, it } from 'vitest';

import { AddressSet } from '../../scripts/net/address-set.ts';
import { delta } from '../../scripts/sync/group-fields.ts';
import { checkLimits } from '../../scripts/sync/limits.ts';
import type { GroupChange } from '../../scripts/sync/types.ts';

function change(
  unitId: string,
  title: string,
  before: string[],
  after: string[],
  action: GroupChange['action'] = 'update',
  kind: GroupChange['kind'] = 'master',
): GroupChange {
  return {
    action,
    title,
    kind,
    unit: unitId,
    changedFields: [],
    ranges: delta(AddressSet.parse(before), AddressSet.parse(after)),
  };
}

const limits = {
  maxRemovedAddressesPerUnit: 300,
  maxRemovedAddressesTotal: 500,
  maxRemovedShareOfGroup: 0.5,
};

describe('checkLimits', () => {
  it('passes removals within every limit', () => {
    const changes = [change('law', 'mg-law', ['10.0.0.0/24'], ['10.0.0.0/25'])];
    expect(checkLimits(changes, limits)).toEqual([]);
  });

  it('breaks the share of one group', () => {
    const changes = [change('law', 'mg-law', ['10.0.0.0/24'], ['10.0.0.0/26'])];
    expect(checkLimits(changes, limits)).toEqual([
      {
        rule: 'maxRemovedShareOfGroup',
        scope: 'mg-law',
        limit: '50%',
        actual: '75%',
        message:
          'mg-law would lose 192 of its 256 IPv4 addresses (75%); ' +
          'the limit is 50% of a group, for IPv4 and IPv6 each',
      },
    ]);
  });

  it('adds up a unit and all units', () => {
    const changes = [
      change('law', 'mg-a', ['10.0.0.0/22'], ['10.0.0.0/23', '10.0.2.0/24']),
      change('law', 'mg-b', ['10.0.4.0/22'], ['10.0.4.0/23', '10.0.6.0/24']),
      change('med', 'mg-c', ['10.1.0.0/24'], ['10.1.0.0/25']),
    ];
    expect(checkLimits(changes, limits).map((b) => b.message)).toEqual([
      'unit law would lose 512 IPv4 addresses; the limit per unit is 300, ' +
        'counting one IPv6 /64 network like one IPv4 address',
      'this sync would remove 640 IPv4 addresses in all; the limit is 500, ' +
        'counting one IPv6 /64 network like one IPv4 address',
    ]);
  });

  it.each([
    ['an orphan that is only listed', 'orphan', 'master', '0'],
    ['a sub-group', 'update', 'subgroup', '0'],
    ['a pruned master group', 'delete', 'master', '1024'],
  ] as const)('counts %s as %s removed', (_n, action, kind, removed) => {
    const changes = [change('law', 't', ['10.0.0.0/22'], [], action, kind)];
    const perUnit = checkLimits(changes, {
      ...limits,
      maxRemovedAddressesPerUnit: 0,
    });
    expect(
      perUnit.find((b) => b.rule === 'maxRemovedAddressesPerUnit')?.actual ??
        '0',
    ).toBe(removed);
  });
});

describe('checkLimits with IPv6', () => {
  const campus = {
    maxRemovedAddressesPerUnit: 4096,
    maxRemovedAddressesTotal: 16384,
    maxRemovedShareOfGroup: 0.25,
  };
  const group48 = ['2001:db8:1::/48'];

  it('counts removing one /64 from a /48 as one, within 4096', () => {
    const after = AddressSet.parse(group48)
      .subtract(AddressSet.parse(['2001:db8:1:ff::/64']))
      .toQualys();
    const changes = [change('eng', 'mg-eng', group48, after)];
    expect(checkLimits(changes, campus)).toEqual([]);
  });

  it('allows exactly a /52 (4096 /64s) and stops a /52 plus one /64', () => {
    const minus = (removed: string[]): string[] =>
      AddressSet.parse(group48).subtract(AddressSet.parse(removed)).toQualys();
    const atLimit = [
      change('eng', 'mg-eng', group48, minus(['2001:db8:1:1000::/52'])),
    ];
    expect(checkLimits(atLimit, campus)).toEqual([]);

    const over = [
      change(
        'eng',
        'mg-eng',
        group48,
        minus(['2001:db8:1:1000::/52', '2001:db8:1:2000::/64']),
      ),
    ];
    expect(checkLimits(over, campus)).toEqual([
      {
        rule: 'maxRemovedAddressesPerUnit',
        scope: 'eng',
        limit: '4096',
        actual: '4097',
        message:
          'unit eng would lose 4,097 IPv6 /64 networks; the limit per unit ' +
          'is 4,096, counting one IPv6 /64 network like one IPv4 address',
      },
    ]);
  });

  it('judges the share of a dual-stack group per family', () => {
    // A 50% IPv4 cut is not hidden by the group's 65,536 IPv6 /64s.
    const before = ['10.0.0.0/24', ...group48];
    const changes = [
      change('eng', 'mg-eng', before, ['10.0.0.0/25', ...group48]),
    ];
    expect(checkLimits(changes, campus).map((b) => b.message)).toEqual([
      'mg-eng would lose 128 of its 256 IPv4 addresses (50%); the limit is ' +
        '25% of a group, for IPv4 and IPv6 each',
    ]);
  });
});

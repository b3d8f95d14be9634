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
          'mg-law would lose 192 of its 256 addresses (75%); the limit is 50% of a group',
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
      'unit law would lose 512 addresses; the limit per unit is 300',
      'this sync would remove 640 addresses in all; the limit is 500',
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

import { describe, expect, it } from 'vitest';

import { AddressSet } from '../../scripts/net/address-set.ts';
import type { AssetGroup } from '../../scripts/qualys/types.ts';
import { planChecksum } from '../../scripts/sync/checksum.ts';
import { desiredState } from '../../scripts/sync/desired.ts';
import { groupComments } from '../../scripts/sync/marker.ts';
import {
  buildPlan,
  countActions,
  hasChanges,
  refusals,
} from '../../scripts/sync/plan.ts';
import type { CurrentState } from '../../scripts/sync/types.ts';
import { APPLIANCES, MARKER, model, unit } from './fixture-model.ts';

const policy = model([
  unit('med-it', [{ title: 'mg-med-it', ranges: ['10.1.0.0/24'] }]),
  unit('law', [{ title: 'mg-law', ranges: ['10.2.0.0/25'] }]),
]);

function managed(title: string, unitId: string, ips: string[]): AssetGroup {
  return {
    id: `id-${title}`,
    title,
    ips,
    applianceIds: ['101'],
    defaultApplianceId: '101',
    businessImpact: 'High',
    division: unitId,
    comments: groupComments(MARKER, unitId),
  };
}

function planFor(
  groups: AssetGroup[],
  options = { prune: false, adopt: [] as string[] },
) {
  const current: CurrentState = {
    groups,
    excludedIps: [],
    excludedByUs: AddressSet.empty(),
  };
  const desired = desiredState(policy, APPLIANCES);
  return buildPlan({ model: policy, desired, current, options });
}

describe('buildPlan', () => {
  it('creates groups Qualys does not have', () => {
    const plan = planFor([]);
    expect(countActions(plan)).toEqual({
      create: 2,
      update: 0,
      delete: 0,
      orphan: 0,
    });
    expect(plan.units.map((u) => u.unit)).toEqual(['law', 'med-it']);
    expect(plan.units[0].changes[0].ranges.addedCount).toEqual({
      ipv4: '128',
      ipv6Networks64: '0',
    });
  });

  it('has nothing to do when Qualys matches', () => {
    const plan = planFor([
      managed('mg-med-it', 'med-it', ['10.1.0.0-10.1.0.255']),
      managed('mg-law', 'law', ['10.2.0.0-10.2.0.127']),
    ]);
    expect(hasChanges(plan)).toBe(false);
    expect(plan.units).toEqual([]);
  });

  it('counts the addresses an update adds and removes', () => {
    const plan = planFor([
      managed('mg-med-it', 'med-it', ['10.1.0.0-10.1.0.255']),
      managed('mg-law', 'law', ['10.2.0.64-10.2.0.191']),
    ]);
    const change = plan.units[0].changes[0];
    expect(change).toMatchObject({
      action: 'update',
      id: 'id-mg-law',
      changedFields: [],
      ranges: {
        added: ['10.2.0.0-10.2.0.63'],
        removed: ['10.2.0.128-10.2.0.191'],
        addedCount: { ipv4: '64', ipv6Networks64: '0' },
        removedCount: { ipv4: '64', ipv6Networks64: '0' },
        beforeCount: { ipv4: '128', ipv6Networks64: '0' },
      },
    });
    expect(plan.units[0].removedAddresses).toEqual({
      ipv4: '64',
      ipv6Networks64: '0',
    });
  });

  it.each([
    [false, 'orphan', false],
    [true, 'delete', true],
  ] as const)(
    'with prune=%s lists a group that left the YAML as %s',
    (prune, action, changes) => {
      const plan = planFor(
        [
          managed('mg-med-it', 'med-it', ['10.1.0.0-10.1.0.255']),
          managed('mg-law', 'law', ['10.2.0.0-10.2.0.127']),
          managed('mg-old', 'law', ['10.3.0.0-10.3.0.9']),
        ],
        { prune, adopt: [] },
      );
      expect(plan.units[0].changes.map((c) => [c.action, c.title])).toEqual([
        [action, 'mg-old'],
      ]);
      expect(hasChanges(plan)).toBe(changes);
    },
  );

  it.each([
    ['no marker', 'hand made', 'unmarked', undefined],
    [
      'another repository',
      'vmgov:other/repo unit=x',
      'foreign-marker',
      'vmgov:other/repo',
    ],
  ])(
    'refuses a same-titled group with %s',
    (_name, comments, reason, foundMarker) => {
      const plan = planFor([
        { ...managed('mg-law', 'law', ['10.9.0.1']), comments },
        managed('mg-med-it', 'med-it', ['10.1.0.0-10.1.0.255']),
      ]);
      expect(plan.conflicts).toEqual([
        {
          title: 'mg-law',
          unit: 'law',
          ids: ['id-mg-law'],
          reason,
          ...(foundMarker ? { foundMarker } : {}),
        },
      ]);
      expect(plan.units).toEqual([]);
      expect(refusals(plan, false)[0]).toContain('pass --adopt "mg-law"');
    },
  );

  it('adopts a hand-made group when --adopt names it', () => {
    const plan = planFor(
      [
        { ...managed('mg-law', 'law', ['10.2.0.0-10.2.0.127']), comments: 'x' },
        managed('mg-med-it', 'med-it', ['10.1.0.0-10.1.0.255']),
      ],
      { prune: false, adopt: ['mg-law'] },
    );
    expect(plan.conflicts).toEqual([]);
    expect(plan.units[0].changes[0]).toMatchObject({
      action: 'update',
      adopted: true,
      changedFields: ['comments'],
    });
  });

  it('gives the same checksum for the same states only', () => {
    const a = planChecksum(planFor([]));
    expect(planChecksum(planFor([]))).toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    const other = planFor([managed('mg-law', 'law', ['10.2.0.0'])]);
    expect(planChecksum(other)).not.toBe(a);
  });

  it('names the unit owners as approvers when there is no CODEOWNERS', () => {
    expect(planFor([]).units[1].approvers).toEqual(['@stanford/med-it-admins']);
  });
});

import { afterEach, describe, expect, it } from 'vitest';

import { groupComments } from '../../scripts/sync/marker.ts';
import { hasChanges } from '../../scripts/sync/plan.ts';
import { applySync, planSync } from '../../scripts/sync/session.ts';
import { MARKER, model, unit } from './fixture-model.ts';
import { seedData, startHarness, type Harness } from './sync-support.ts';

const NO_OPTIONS = { prune: false, adopt: [] as string[] };

const policy = model(
  [
    unit('med-it', [
      {
        title: 'mg-med-it',
        ranges: ['10.1.0.0/24'],
        scanner: 'scanner-medical',
        lowIntensity: ['10.1.0.7'],
      },
    ]),
    unit('law', [{ title: 'mg-law', ranges: ['10.2.0.0/25', '10.2.0.200'] }]),
  ],
  { exclusions: ['10.1.0.9'] },
);

const HAND_MADE = {
  id: '9001',
  title: 'Printers (hand made)',
  ips: ['10.1.0.50'],
  applianceIds: ['101'],
  comments: 'made in the UI',
  ownerUserId: '7',
  lastUpdate: '2026-01-01T00:00:00Z',
};

const owned = (id: string, title: string, unitId: string, ips: string[]) => ({
  ...HAND_MADE,
  id,
  title,
  ips,
  defaultApplianceId: '101',
  businessImpact: 'high',
  division: unitId,
  comments: groupComments(MARKER, unitId),
});

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('sync against the simulator', () => {
  it('creates every group, then a second run has nothing to do', async () => {
    harness = await startHarness(
      policy,
      seedData({ assetGroups: [HAND_MADE] }),
    );
    const { context, sim } = harness;

    const first = await planSync(context, NO_OPTIONS);
    const results = await applySync(context, first.plan);

    expect(results.map((r) => [r.title, r.action, r.outcome])).toEqual([
      ['mg-law', 'create', 'ok'],
      ['mg-med-it', 'create', 'ok'],
      ['sg-med-it--low-intensity', 'create', 'ok'],
      ['Exclude from Scan', 'add', 'ok'],
    ]);
    const law = sim.data.assetGroups.find((g) => g.title === 'mg-law');
    expect(law).toMatchObject({
      ips: ['10.2.0.0-10.2.0.127', '10.2.0.200'],
      applianceIds: ['101'],
      defaultApplianceId: '101',
      division: 'law',
      comments: groupComments(MARKER, 'law'),
    });
    expect(sim.data.assetGroups.find((g) => g.id === '9001')).toEqual(
      HAND_MADE,
    );

    const again = await planSync(context, NO_OPTIONS);
    expect(hasChanges(again.plan)).toBe(false);
    expect(again.plan.exclusions.unmanaged).toEqual([]);
  });

  it('a no-op sync only lists', async () => {
    harness = await startHarness(policy);
    await applySync(
      harness.context,
      (await planSync(harness.context, NO_OPTIONS)).plan,
    );
    harness.sim.calls.length = 0;

    const { plan } = await planSync(harness.context, NO_OPTIONS);
    await applySync(harness.context, plan);

    expect(harness.sim.calls.map((c) => c.action)).toEqual([
      'list',
      'list',
      'list',
    ]);
  });

  it('updates a managed group to exactly its YAML ranges', async () => {
    const lawOnly = model([
      unit('law', [{ title: 'mg-law', ranges: ['10.2.0.0/25', '10.2.0.200'] }]),
    ]);
    harness = await startHarness(
      lawOnly,
      seedData({
        assetGroups: [
          owned('40', 'mg-law', 'law', ['10.2.0.0-10.2.0.99', '10.2.0.250']),
        ],
      }),
    );
    const { plan } = await planSync(harness.context, NO_OPTIONS);
    expect(plan.units[0].changes[0].ranges).toEqual({
      added: ['10.2.0.100-10.2.0.127', '10.2.0.200'],
      removed: ['10.2.0.250'],
      addedCount: { ipv4: '29', ipv6Networks64: '0' },
      removedCount: { ipv4: '1', ipv6Networks64: '0' },
      beforeCount: { ipv4: '101', ipv6Networks64: '0' },
    });

    const results = await applySync(harness.context, plan);

    expect(results).toEqual([
      {
        title: 'mg-law',
        action: 'update',
        outcome: 'ok',
        detail: 'verified, id 40',
      },
    ]);
    expect(harness.sim.data.assetGroups[0].ips).toEqual([
      '10.2.0.0-10.2.0.127',
      '10.2.0.200',
    ]);
  });

  it.each([
    [false, ['mg-law', 'mg-old']],
    [true, ['mg-law']],
  ])(
    'with prune=%s a group that left the YAML ends as %j',
    async (prune, titles) => {
      const lawOnly = model([
        unit('law', [{ title: 'mg-law', ranges: ['10.2.0.1'] }]),
      ]);
      harness = await startHarness(
        lawOnly,
        seedData({
          assetGroups: [
            owned('40', 'mg-law', 'law', ['10.2.0.1']),
            owned('41', 'mg-old', 'law', ['10.3.0.1']),
          ],
        }),
      );
      const { plan } = await planSync(harness.context, { prune, adopt: [] });
      await applySync(harness.context, plan);
      expect(harness.sim.data.assetGroups.map((g) => g.title)).toEqual(titles);
    },
  );

  it('leaves unmarked and foreign groups with our titles untouched', async () => {
    const foreign = {
      ...owned('41', 'mg-law', 'law', ['10.9.0.1']),
      comments: 'vmgov:other/repo unit=law',
    };
    const unmarked = {
      ...owned('42', 'mg-med-it', 'med-it', ['10.9.0.2']),
      comments: '',
    };
    harness = await startHarness(
      policy,
      seedData({ assetGroups: [foreign, unmarked, HAND_MADE] }),
    );
    const { plan } = await planSync(harness.context, {
      prune: true,
      adopt: [],
    });
    expect(plan.conflicts.map((c) => [c.title, c.reason])).toEqual([
      ['mg-law', 'foreign-marker'],
      ['mg-med-it', 'unmarked'],
    ]);

    await applySync(harness.context, plan);

    // The refused master's low-intensity sub-group is held back with it.
    expect(plan.units).toEqual([]);
    expect(harness.sim.data.assetGroups).toEqual([
      foreign,
      unmarked,
      HAND_MADE,
    ]);
  });

  it('goes on after one failed write and says which one failed', async () => {
    harness = await startHarness(policy);
    harness.sim.faults.add({
      path: '/api/2.0/fo/asset/group/',
      action: 'add',
      kind: '999',
    });
    const { plan } = await planSync(harness.context, NO_OPTIONS);

    const results = await applySync(harness.context, plan);

    expect(results.map((r) => [r.title, r.outcome])).toEqual([
      ['mg-law', 'failed'],
      ['mg-med-it', 'ok'],
      ['sg-med-it--low-intensity', 'ok'],
      ['Exclude from Scan', 'ok'],
    ]);
    expect(results[0].detail).toMatch(
      /^not applied \(Qualys error 999: .*\); run again$/,
    );
  });
});

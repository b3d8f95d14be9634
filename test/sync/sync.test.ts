import { afterEach, describe, expect, it } from 'vitest';

import { groupComments } from '../../scripts/sync/marker.ts';
import { hasChanges } from '../../scripts/sync/plan.ts';
import { applySync, planSync } from '../../scripts/sync/session.ts';
import { MARKER, model, unit } from './fixture-model.ts';
import {
  groupCalls,
  seedData,
  startHarness,
  type Harness,
} from './sync-support.ts';

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
});

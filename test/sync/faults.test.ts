import { afterEach, describe, expect, it } from 'vitest';

import { AddressSet } from '../../scripts/net/address-set.ts';
import type { FaultKind } from '../../scripts/simulator/faults.ts';
import { writeExclusionRecord } from '../../scripts/sync/exclusion-record.ts';
import { groupComments } from '../../scripts/sync/marker.ts';
import { hasChanges } from '../../scripts/sync/plan.ts';
import { applySync, planSync } from '../../scripts/sync/session.ts';
import { MARKER, model, unit } from './fixture-model.ts';
import { seedData, startHarness, type Harness } from './sync-support.ts';

const GROUPS = '/api/2.0/fo/asset/group/';
const EXCLUDED = '/api/2.0/fo/asset/excluded_ip/';
const PRUNE = { prune: true, adopt: [] as string[] };

const policy = model(
  [
    unit('med-it', [{ title: 'mg-med-it', ranges: ['10.1.0.0/24'] }]),
    unit('law', [{ title: 'mg-law', ranges: ['10.2.0.0/25'] }]),
  ],
  { exclusions: ['10.1.0.9'] },
);

const owned = (id: string, title: string, unitId: string, ips: string[]) => ({
  id,
  title,
  ips,
  applianceIds: ['101'],
  defaultApplianceId: '101',
  businessImpact: 'high',
  division: unitId,
  comments: groupComments(MARKER, unitId),
  ownerUserId: '1001',
  lastUpdate: '2026-01-01T00:00:00Z',
});

const HAND_MADE = {
  ...owned('9001', 'mg-printers', 'x', ['10.1.0.50']),
  comments: 'made in the UI',
};

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function prepared(): Promise<Harness> {
  const h = await startHarness(
    policy,
    seedData({
      assetGroups: [
        HAND_MADE,
        owned('500', 'mg-med-it', 'med-it', ['10.1.0.0-10.1.0.127']),
        owned('501', 'mg-old', 'law', ['10.3.0.0-10.3.0.9']),
      ],
      excludedIps: [
        { ip: '10.3.3.3', comment: `${MARKER} earlier` },
        { ip: '10.4.4.4', comment: 'by hand' },
      ],
    }),
  );
  await writeExclusionRecord(
    h.context.store,
    MARKER,
    AddressSet.parse(['10.3.3.3']),
  );
  return h;
}

const WRITES: [string, string][] = [
  [GROUPS, 'add'],
  [GROUPS, 'edit'],
  [GROUPS, 'delete'],
  [EXCLUDED, 'add'],
  [EXCLUDED, 'remove'],
];
const KINDS: FaultKind[] = ['409-1960', '999', 'reset'];
const CASES = WRITES.flatMap(([path, action]) =>
  KINDS.map((kind) => ({ path, action, kind })),
);

describe('a fault at a write', () => {
  it.each(CASES)(
    '$kind at $action on $path: the second run converges',
    async ({ path, action, kind }) => {
      harness = await prepared();
      const { sim, context } = harness;
      sim.faults.add({ path, action, kind, waitSec: 0 });

      const first = await planSync(context, PRUNE);
      const results = await applySync(context, first.plan);
      expect(results).toHaveLength(5);
      expect(sim.faults.pending()).toBe(0);
      const sent = sim.calls.filter(
        (c) => c.path === path && c.action === action,
      ).length;
      // Only a 409 says for sure nothing ran, so only then is a write re-sent.
      expect(sent).toBe(kind === '409-1960' ? 2 : 1);

      const second = await planSync(context, PRUNE);
      await applySync(context, second.plan);
      const third = await planSync(context, PRUNE);

      expect(hasChanges(third.plan)).toBe(false);
      expect(third.plan.exclusions.unmanaged).toEqual(['10.4.4.4']);
      const titles = sim.data.assetGroups.map((g) => g.title).sort();
      expect(titles).toEqual(['mg-law', 'mg-med-it', 'mg-printers']);
      expect(sim.data.assetGroups.find((g) => g.id === '9001')).toEqual(
        HAND_MADE,
      );
      expect(sim.data.excludedIps.map((e) => e.ip).sort()).toEqual([
        '10.1.0.9',
        '10.4.4.4',
      ]);
    },
  );
});

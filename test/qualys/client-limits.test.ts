import { afterEach, describe, expect, it } from 'vitest';

import { QualysLimitError } from '../../scripts/qualys/errors.ts';
import { ENDPOINTS } from '../../scripts/qualys/endpoints.ts';
import {
  collectPages,
  NOW,
  openHarness,
  type Harness,
} from './support/harness.ts';
import { sampleData } from './support/sim-data.ts';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const APPLIANCE = ENDPOINTS.appliance;

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected the call to fail');
}

describe('waiting out Qualys limits', () => {
  it.each([
    ['409 with 1965 and X-RateLimit-ToWait-Sec', '409-1965', 7, 7000],
    ['429 with X-RateLimit-ToWait-Sec', '429', 5, 5000],
  ] as const)(
    'retries after %s for the time asked',
    async (_case, kind, waitSec, slept) => {
      harness = await openHarness(sampleData());
      harness.sim.faults.add({ path: APPLIANCE, kind, waitSec });

      const appliances = await harness.client.listAppliances();

      expect(appliances).toHaveLength(2);
      expect(harness.sleeps).toEqual([slept]);
      expect(harness.sim.calls.map((c) => c.status)).toEqual([
        kind === '429' ? 429 : 409,
        200,
      ]);
      expect(harness.client.stats().retries).toBe(1);
    },
  );

  it('retries a write refused with 1960, since nothing ran', async () => {
    harness = await openHarness(sampleData());
    harness.sim.faults.add({
      path: ENDPOINTS.assetGroup,
      action: 'add',
      kind: '409-1960',
      times: 2,
    });

    const id = await harness.client.addAssetGroup({ title: 'mg-eng' });

    expect(harness.sim.data.assetGroups.map((g) => g.id)).toContain(id);
    expect(harness.sleeps).toEqual([10, 20]);
  });

  it('stops with the time to run again when the wait is too long', async () => {
    harness = await openHarness(sampleData(), {}, { maxWaitSeconds: 60 });
    harness.sim.faults.add({
      path: APPLIANCE,
      kind: '409-1965',
      waitSec: 68928,
    });

    const error = await failure(harness.client.listAppliances());

    expect(error).toBeInstanceOf(QualysLimitError);
    expect(error.message).toBe(
      '/api/2.0/fo/appliance/?action=list: Qualys asks to wait 68928 s; run again after 2026-12-02T03:08:48.000Z',
    );
    expect((error as QualysLimitError).retryAt.toISOString()).toBe(
      '2026-12-02T03:08:48.000Z',
    );
    expect(harness.sleeps).toEqual([]);
  });

  it('keeps the reserve of calls for people', async () => {
    harness = await openHarness(
      sampleData(),
      { limits: { ratePerWindow: 12, windowSec: 3600 } },
      { reserveCalls: 10 },
    );

    await harness.client.listAppliances();
    await harness.client.listAppliances();
    const error = await failure(harness.client.listAppliances());

    expect(error).toBeInstanceOf(QualysLimitError);
    expect(error.message).toBe(
      '/api/2.0/fo/appliance/?action=list: 10 calls left in the window and 10 are kept for people; run again after 2026-12-01T09:00:00.000Z',
    );
    expect(harness.sim.calls).toHaveLength(2);
  });

  it('waits for the window when the reserve is reached and the wait is short', async () => {
    harness = await openHarness(
      sampleData(),
      { limits: { ratePerWindow: 12, windowSec: 30 } },
      { reserveCalls: 10 },
    );

    await harness.client.listAppliances();
    await harness.client.listAppliances();
    expect(harness.sleeps).toEqual([]);
    await harness.client.listAppliances();

    expect(harness.sleeps).toEqual([30_000]);
    expect(harness.sim.calls).toHaveLength(3);
  });

  it('never runs more calls at once than X-Concurrency-Limit-Limit', async () => {
    harness = await openHarness(sampleData(), {
      limits: { concurrency: 2 },
      latencyMs: 40,
    });

    await Promise.all(
      Array.from({ length: 6 }, () => harness!.client.listAppliances()),
    );

    expect(harness.sim.calls.map((c) => c.status)).toEqual([
      200, 200, 200, 200, 200, 200,
    ]);
    expect(harness.client.stats().retries).toBe(0);
  });

  it('goes one at a time when Qualys allows only one', async () => {
    harness = await openHarness(sampleData(5), {
      limits: { concurrency: 1 },
      latencyMs: 20,
      pageSize: 1,
    });

    const results = await Promise.all([
      harness.client.listExcludedIps(),
      collectPages(harness.client.streamDetections({})),
      harness.client.listAppliances(),
    ]);

    expect(results[1]).toHaveLength(5);
    expect(harness.sim.calls.filter((c) => c.status !== 200)).toEqual([]);
  });
});

it('uses the clock it is given for retryAt', () => {
  expect(NOW.toISOString()).toBe('2026-12-01T08:00:00.000Z');
});

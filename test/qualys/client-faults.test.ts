import { afterEach, describe, expect, it } from 'vitest';

import { createClient } from '../../scripts/qualys/client.ts';
import { ENDPOINTS } from '../../scripts/qualys/endpoints.ts';
import {
  QualysApiError,
  QualysAuthError,
  QualysTransportError,
} from '../../scripts/qualys/errors.ts';
import type { QualysConfig } from '../../scripts/qualys/types.ts';
import type { FaultKind } from '../../scripts/simulator/faults.ts';
import { collectPages, openHarness, type Harness } from './support/harness.ts';
import { sampleData } from './support/sim-data.ts';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const APPLIANCE = ENDPOINTS.appliance;
const GROUP = ENDPOINTS.assetGroup;

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected the call to fail');
}

async function open(config: Partial<QualysConfig> = {}): Promise<Harness> {
  harness = await openHarness(sampleData(), {}, config);
  return harness;
}

describe('reads retry transient failures with backoff', () => {
  it.each<[FaultKind]>([['999'], ['500'], ['503'], ['reset'], ['truncate']])(
    'retries a read after %s',
    async (kind) => {
      const { client, sim, sleeps } = await open();
      sim.faults.add({ path: APPLIANCE, kind });

      expect(await client.listAppliances()).toHaveLength(2);
      expect(sim.calls).toHaveLength(2);
      expect(sleeps).toEqual([10]);
      expect(client.stats().retries).toBe(1);
    },
  );

  it('retries a read that times out', async () => {
    const { client, sim } = await open({ timeoutMs: 1000 });
    sim.faults.add({ path: APPLIANCE, kind: 'slow', delayMs: 3000 });

    expect(await client.listAppliances()).toHaveLength(2);
    expect(sim.calls).toHaveLength(2);
  });

  it('gives up after the retries with the 999 incident signature', async () => {
    const { client, sim, sleeps } = await open({ retries: 3 });
    sim.faults.add({ path: APPLIANCE, kind: '999', times: 4 });

    const error = await failure(client.listAppliances());

    expect(error).toBeInstanceOf(QualysApiError);
    const api = error as QualysApiError;
    expect(api.code).toBe('999');
    expect(api.httpStatus).toBe(500);
    expect(api.maybeApplied).toBe(false);
    expect(api.incidentSignature).toMatch(/^SIM-\d{6}$/);
    expect(api.message).toBe(
      `Qualys error 999: Internal error. Please contact customer support. (incident signature ${api.incidentSignature})`,
    );
    expect(sleeps).toEqual([10, 20, 40]);
    expect(sim.calls).toHaveLength(4);
  });

  it('retries a detection page cut short, and resumes from that page', async () => {
    harness = await openHarness(sampleData(4), { pageSize: 2 });
    const { client, sim } = harness;
    sim.faults.add({
      path: ENDPOINTS.detection,
      kind: 'truncate',
      afterCalls: 1,
    });

    const pages = await collectPages(client.streamDetections({}));

    expect(pages.map((p) => p.map((h) => h.id))).toEqual([
      ['1001', '1002'],
      ['1003', '1004'],
    ]);
    expect(sim.calls.map((c) => c.params['id_min'])).toEqual([
      undefined,
      '1003',
      '1003',
    ]);
  });
});

describe('writes are never re-sent after an unclear outcome', () => {
  it.each<[FaultKind, new (...args: never[]) => Error, boolean]>([
    ['999', QualysApiError, false],
    ['500', QualysApiError, false],
    ['reset', QualysTransportError, false],
    ['truncate', QualysTransportError, true],
  ])(
    'after %s: one call, maybeApplied, and the caller re-reads',
    async (kind, type, applied) => {
      const { client, sim } = await open();
      sim.faults.add({ path: GROUP, action: 'add', kind });

      const error = await failure(client.addAssetGroup({ title: 'mg-law' }));

      expect(error).toBeInstanceOf(type);
      expect(
        (error as QualysApiError | QualysTransportError).maybeApplied,
      ).toBe(true);
      expect(sim.calls).toHaveLength(1);
      const titles = (await client.listAssetGroups()).map((g) => g.title);
      expect(titles.includes('mg-law')).toBe(applied);
    },
  );

  it('does not re-send a write that timed out', async () => {
    const { client, sim } = await open({ timeoutMs: 150 });
    sim.faults.add({
      path: ENDPOINTS.host,
      action: 'purge',
      kind: 'slow',
      delayMs: 600,
    });

    const error = await failure(client.purgeHosts(['1001']));

    expect(error).toBeInstanceOf(QualysTransportError);
    expect(error.message).toBe(
      '/api/2.0/fo/asset/host/ action=purge: timed out',
    );
    expect((error as QualysTransportError).maybeApplied).toBe(true);
    expect(sim.calls).toHaveLength(1);
  });
});

describe('errors that are not retried', () => {
  it('reports a refused login once, as a user error', async () => {
    const { sim } = await open();
    const client = createClient({
      baseUrl: sim.url,
      username: sim.username,
      password: 'not-the-password',
    });

    const error = await failure(client.listAppliances());

    expect(error).toBeInstanceOf(QualysAuthError);
    expect(error.message).toBe(
      '/api/2.0/fo/appliance/ action=list: Qualys refused the login (Bad Login/Password)',
    );
    expect((error as QualysAuthError).exitCode).toBe(2);
    expect(sim.calls).toHaveLength(1);
  });

  it('reports a Qualys parameter error with its code and text', async () => {
    const { client, sim } = await open();

    const error = await failure(client.editKb(99999999, { severity: 2 }));

    expect(error).toBeInstanceOf(QualysApiError);
    expect((error as QualysApiError).code).toBe('1905');
    expect((error as QualysApiError).httpStatus).toBe(400);
    expect((error as QualysApiError).maybeApplied).toBe(false);
    expect(sim.calls).toHaveLength(1);
  });
});

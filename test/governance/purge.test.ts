import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { LocalStateStore } from '../../scripts/delivery/local-state-store.ts';
import { applyPurge } from '../../scripts/governance/purge-apply.ts';
import {
  LEDGER_KEY,
  PurgeLedger,
  type PurgeRunRecord,
} from '../../scripts/governance/purge-ledger.ts';
import {
  planPurge,
  type PurgePlan,
} from '../../scripts/governance/purge-plan.ts';
import { renderPurgePlan } from '../../scripts/governance/purge-render.ts';
import { unitLookup } from '../../scripts/governance/unit-index.ts';
import { loadPolicyOrThrow } from '../../scripts/policy/load.ts';
import type { PolicyModel } from '../../scripts/policy/model.ts';
import { createClient } from '../../scripts/qualys/client.ts';
import type { QualysClient } from '../../scripts/qualys/types.ts';
import { emptySimData, type SimHost } from '../../scripts/simulator/data.ts';
import {
  startSimulator,
  type RunningSimulator,
} from '../../scripts/simulator/server.ts';
import { REPO_ROOT } from './policy-copy.ts';

const TODAY = '2026-12-03';
const NOW = () => new Date(`${TODAY}T06:00:00Z`);

function host(id: number, ip: string, lastScan: string | undefined): SimHost {
  return {
    id: String(id),
    ip,
    trackingMethod: 'IP',
    dns: `h${id}.example.edu`,
    lastVmScannedDate: lastScan && `${lastScan}T03:00:00Z`,
    detections: [],
  };
}

// Cutoff is 2026-09-04: scanned before it means more than 90 days ago.
const HOSTS = [
  host(1001, '171.65.1.10', '2026-09-03'),
  host(1002, '171.65.1.11', '2026-09-04'),
  host(1003, '171.66.0.20', '2026-05-01'),
  host(1004, '171.66.0.21', '2026-11-30'),
  host(1005, '128.12.200.7', '2025-12-24'),
  host(1006, '171.64.1.5', undefined),
  host(1007, '192.0.2.44', '2026-01-15'),
];
const STALE = ['1003', '1005', '1001', '1007'];

describe('purge against the simulator', () => {
  let model: PolicyModel;
  let sim: RunningSimulator;
  let client: QualysClient;
  let folder: string;
  let store: LocalStateStore;

  beforeAll(async () => {
    model = await loadPolicyOrThrow(REPO_ROOT, { today: TODAY });
  });

  beforeEach(async () => {
    sim = await startSimulator({
      data: { ...emptySimData(), hosts: structuredClone(HOSTS) },
      now: NOW,
    });
    client = newClient();
    folder = await mkdtemp(path.join(tmpdir(), 'vmgov-purge-'));
    store = new LocalStateStore(folder);
  });

  afterEach(async () => {
    await sim.close();
    await rm(folder, { recursive: true, force: true });
  });

  /** A fresh client, as a re-run in a new process would have. */
  function newClient(): QualysClient {
    return createClient({
      baseUrl: sim.url,
      username: sim.username,
      password: sim.password,
      retries: 0,
      backoffMs: 1,
      sleep: () => Promise.resolve(),
    });
  }

  async function plan(): Promise<PurgePlan> {
    const ledger = await PurgeLedger.open(store);
    const hosts = await client.listHosts({ noVmScanSince: '2026-09-04' });
    return planPurge(hosts, model, unitLookup(model), {
      today: TODAY,
      recentlyPurged: ledger.recent(TODAY),
    });
  }

  function purgedIds(): string[] {
    return sim.calls
      .filter((c) => c.action === 'purge' && c.status === 200)
      .flatMap((c) => (c.params.ids ?? '').split(','));
  }

  it('lists exactly the stale hosts by unit with their last scan date', async () => {
    const text = renderPurgePlan(await plan());

    expect(text).toBe(
      [
        'Stale hosts: no VM scan since 2026-09-04 (more than 90 days before 2026-12-03): 4 in 4 units',
        '',
        '(no unit) (1)',
        '  192.0.2.44  h1007.example.edu  last scan 2026-01-15  host id 1007',
        '',
        'eng (1)',
        '  171.66.0.20  h1003.example.edu  last scan 2026-05-01  host id 1003',
        '',
        'med (1)',
        '  171.65.1.10  h1001.example.edu  last scan 2026-09-03  host id 1001',
        '',
        'residential (1)',
        '  128.12.200.7  h1005.example.edu  last scan 2025-12-24  host id 1005',
        '',
        'Left alone, Qualys reports no VM scan date: 1',
        '',
      ].join('\n'),
    );
  });

  it('purges exactly the stale hosts and never one scanned within the limit', async () => {
    const ledger = await PurgeLedger.open(store);
    const record = await applyPurge(await plan(), {
      client,
      store,
      ledger,
      run: 'gha-77-1',
      now: NOW,
      batchSize: 2,
    });
    await client.listHosts({ ids: ['1001'] });

    expect(purgedIds().sort()).toEqual([...STALE].sort());
    expect(record.status).toBe('complete');
    expect(sim.data.hosts.map((h) => h.id)).toEqual(['1002', '1004', '1006']);
    const stored = JSON.parse(
      (await store.read('purge/runs/2026-12-03-gha-77-1.json'))!,
    ) as PurgeRunRecord;
    expect(stored.purged.map((c) => c.id)).toEqual([
      '1007',
      '1003',
      '1001',
      '1005',
    ]);
  });

  it('purges nothing twice when a run stopped by a rate limit is run again', async () => {
    sim.faults.add({
      path: '/api/2.0/fo/asset/host/',
      action: 'purge',
      kind: '409-1965',
      waitSec: 3600,
      afterCalls: 1,
    });
    const first = await PurgeLedger.open(store);
    await expect(
      applyPurge(await plan(), {
        client,
        store,
        ledger: first,
        run: 'local-1',
        now: NOW,
        batchSize: 2,
      }),
    ).rejects.toThrow(/run again after/);
    const afterFault = purgedIds();

    client = newClient();
    const second = await PurgeLedger.open(store);
    const rerun = await plan();
    await applyPurge(rerun, {
      client,
      store,
      ledger: second,
      run: 'local-2',
      now: NOW,
      batchSize: 2,
    });

    expect(afterFault).toEqual(['1007', '1003']);
    expect(rerun.candidates.map((c) => c.id)).toEqual(['1001', '1005']);
    expect(purgedIds()).toEqual(['1007', '1003', '1001', '1005']);
    expect(
      Object.keys(
        (JSON.parse((await store.read(LEDGER_KEY))!) as { hosts: object })
          .hosts,
      ),
    ).toEqual(['1001', '1003', '1005', '1007']);
  });

  it('never resends a batch whose outcome a server error left unclear', async () => {
    sim.faults.add({
      path: '/api/2.0/fo/asset/host/',
      action: 'purge',
      kind: '500',
      afterCalls: 1,
    });
    const first = await PurgeLedger.open(store);
    await expect(
      applyPurge(await plan(), {
        client,
        store,
        ledger: first,
        run: 'local-1',
        now: NOW,
        batchSize: 2,
      }),
    ).rejects.toThrow();
    const interrupted = JSON.parse(
      (await store.read('purge/runs/2026-12-03-local-1.json'))!,
    ) as PurgeRunRecord;

    const rerun = await plan();

    expect(interrupted.status).toBe('interrupted');
    expect(interrupted.uncertain.map((c) => c.id)).toEqual(['1001', '1005']);
    expect(rerun.candidates).toEqual([]);
    expect(rerun.skipped.map((s) => [s.host.id, s.reason])).toEqual([
      ['1001', 'already purged by run local-1 on 2026-12-03 (uncertain)'],
      ['1005', 'already purged by run local-1 on 2026-12-03 (uncertain)'],
      ['1006', 'no VM scan date'],
    ]);
  });

  it('refuses a plan above the per-run limit unless allowed, before any call', async () => {
    const ledger = await PurgeLedger.open(store);
    const options = { client, store, ledger, run: 'local-3', now: NOW };

    await expect(
      applyPurge(await plan(), { ...options, max: 3 }),
    ).rejects.toThrow(
      'the purge plan has 4 hosts, above the limit of 3 per run (purge.max_hosts_per_run in policy/program.yaml, or --max)',
    );
    expect(purgedIds()).toEqual([]);
    await applyPurge(await plan(), { ...options, max: 3, allowLarge: true });
    expect(purgedIds()).toHaveLength(4);
  });
});

/**
 * `npm run bench:sync`: API calls used by sync against the simulator over
 * HTTP, for 1,000 groups (250 benchmark units of two master groups and
 * two sub-groups each), printed against the minimums:
 *   - a first sync under 300 calls per hour per API function: one write per
 *     change and no 409 storm; with the real one-hour window a run stops
 *     cleanly at the reserve, and the same limit over a 3-second window
 *     shows the whole sync converging;
 *   - a no-op sync: only the list pages.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { print } from '../output/print.ts';
import { setLevel } from '../output/logger.ts';
import { loadPolicy } from '../policy/load.ts';
import type { PolicyModel } from '../policy/model.ts';
import { createClient } from '../qualys/client.ts';
import { emptySimData } from '../simulator/data.ts';
import { startSimulator, type RunningSimulator } from '../simulator/server.ts';
import { MemoryStore } from '../sync/memory-store.ts';
import { countActions } from '../sync/plan.ts';
import { applySync, planSync, type SyncContext } from '../sync/session.ts';
import { writeBenchRepository } from './bench-repository.ts';

const UNITS = 250;
const RATE = 300;
const PAGE = 1000;

interface Run {
  calls: number;
  writes: number;
  conflicts409: number;
  changes: number;
  ok: number;
}

async function main(): Promise<void> {
  setLevel('error');
  const root = await mkdtemp(join(tmpdir(), 'vmgov-bench-sync-'));
  try {
    await writeBenchRepository(root, { units: UNITS, policyEntries: 20 });
    const { model } = await loadPolicy(root);
    if (!model) throw new Error('the benchmark repository did not load');

    const hour = await firstSync(model, 3600);
    const groups = countGroups(model);
    print(`Groups in the repository: ${groups}`);
    print(
      `First sync, ${RATE} calls/hour per function, real window: ` +
        `${hour.first.ok} of ${hour.first.changes} changes applied, ` +
        `${hour.first.writes} writes, ${hour.first.conflicts409} answers 409; ` +
        `the rest waits for the next run (${Math.ceil(hour.first.changes / (RATE - 10))} hourly runs in all)`,
    );
    const fast = await firstSync(model, 3);
    print(
      `First sync, ${RATE} calls per 3-second window: ${fast.first.ok} of ` +
        `${fast.first.changes} changes applied with ${fast.first.writes} writes ` +
        `(minimum ${fast.first.changes}: one per change), ` +
        `${fast.first.conflicts409} answers 409 (goal 0), ${fast.first.calls} calls in all`,
    );
    const minimum = 1 + Math.ceil(groups / PAGE) + 1;
    print(
      `No-op sync: ${fast.noop.calls} calls, ${fast.noop.writes} writes ` +
        `(minimum ${minimum}: appliance list, ${Math.ceil(groups / PAGE)} group ` +
        'list page(s), excluded-IP list)',
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

async function firstSync(
  model: PolicyModel,
  windowSec: number,
): Promise<{ first: Run; noop: Run }> {
  const appliances = model.scanning.appliances.map((a, i) => ({
    id: String(100 + i),
    name: a.name,
    status: 'Online' as const,
  }));
  const sim = await startSimulator({
    data: { ...emptySimData(), appliances },
    limits: { ratePerWindow: RATE, windowSec },
    pageSize: PAGE,
  });
  try {
    const context: SyncContext = {
      model,
      store: new MemoryStore(),
      client: createClient({
        baseUrl: sim.url,
        username: sim.username,
        password: sim.password,
        maxWaitSeconds: 300,
      }),
    };
    const first = await measure(sim, context);
    const noop = await measure(sim, context);
    return { first, noop };
  } finally {
    await sim.close();
  }
}

async function measure(
  sim: RunningSimulator,
  context: SyncContext,
): Promise<Run> {
  const start = sim.calls.length;
  const { plan } = await planSync(context, { prune: false, adopt: [] });
  const n = countActions(plan);
  const exclusions =
    (plan.exclusions.add.length > 0 ? 1 : 0) +
    (plan.exclusions.remove.length > 0 ? 1 : 0);
  const results = await applySync(context, plan);
  const calls = sim.calls.slice(start);
  return {
    calls: calls.length,
    writes: calls.filter((c) => c.action !== 'list' && c.status === 200).length,
    conflicts409: calls.filter((c) => c.status === 409).length,
    changes: n.create + n.update + n.delete + exclusions,
    ok: results.filter((r) => r.outcome === 'ok').length,
  };
}

function countGroups(model: PolicyModel): number {
  return model.units.reduce(
    (sum, unit) =>
      sum +
      unit.masterAssetGroups.reduce(
        (n, m) =>
          n + 1 + m.subgroups.length + (m.lowIntensitySet.isEmpty() ? 0 : 1),
        0,
      ),
    0,
  );
}

await main();

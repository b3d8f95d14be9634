/**
 * A simulator seeded with appliances and hand-made groups, a client
 * talking HTTP to it, and a state folder: what every sync test needs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { LocalStateStore } from '../../scripts/delivery/local-state-store.ts';
import type { PolicyModel } from '../../scripts/policy/model.ts';
import { createClient } from '../../scripts/qualys/client.ts';
import { emptySimData, type SimData } from '../../scripts/simulator/data.ts';
import {
  startSimulator,
  type RunningSimulator,
} from '../../scripts/simulator/server.ts';
import type { SyncContext } from '../../scripts/sync/session.ts';

export interface Harness {
  sim: RunningSimulator;
  context: SyncContext;
  close(): Promise<void>;
}

export function seedData(extra: Partial<SimData> = {}): SimData {
  return {
    ...emptySimData(),
    appliances: [
      { id: '101', name: 'scanner-campus', status: 'Online' },
      { id: '102', name: 'scanner-medical', status: 'Online' },
    ],
    ...extra,
  };
}

export async function startHarness(
  model: PolicyModel,
  data: SimData = seedData(),
): Promise<Harness> {
  const sim = await startSimulator({ data });
  const folder = await mkdtemp(path.join(tmpdir(), 'vmgov-sync-'));
  const client = createClient({
    baseUrl: sim.url,
    username: sim.username,
    password: sim.password,
    retries: 2,
    backoffMs: 1,
    sleep: () => Promise.resolve(),
  });
  return {
    sim,
    context: { model, client, store: new LocalStateStore(folder) },
    close: async () => {
      await sim.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

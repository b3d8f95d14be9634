/**
 * One sync from start to end: read Qualys, build the plan, and apply it.
 * Commands, the benchmark and the tests share these steps so they all
 * count the same calls.
 */
import type { PolicyModel } from '../policy/model.ts';
import type { QualysClient } from '../qualys/types.ts';
import { applyExclusions } from './apply-exclusions.ts';
import { applyGroups, type ApplyResult } from './apply.ts';
import type { OwnersFor } from './approvers.ts';
import { planChecksum } from './checksum.ts';
import { desiredState } from './desired.ts';
import type { DiffOptions } from './diff.ts';
import { readExclusionRecord, type RecordStore } from './exclusion-record.ts';
import { buildPlan } from './plan.ts';
import type { CurrentState, Plan } from './types.ts';

export interface SyncContext {
  model: PolicyModel;
  client: QualysClient;
  store: RecordStore;
  ownersFor?: OwnersFor;
}

export interface PlannedSync {
  plan: Plan;
  checksum: string;
}

/** Reads the groups and the Exclude-from-Scan list: only list calls. */
export async function readCurrent(
  client: QualysClient,
  store: RecordStore,
  marker: string,
): Promise<CurrentState> {
  const groups = await client.listAssetGroups();
  const excludedIps = await client.listExcludedIps();
  const excludedByUs = await readExclusionRecord(store, marker);
  return { groups, excludedIps, excludedByUs };
}

/**
 * Reads Qualys and plans the changes.
 * @throws InputError when a scanner name is unknown to Qualys.
 */
export async function planSync(
  context: SyncContext,
  options: DiffOptions,
): Promise<PlannedSync> {
  const { model, client, store } = context;
  const desired = desiredState(model, await client.listAppliances());
  const current = await readCurrent(client, store, desired.marker);
  const plan = buildPlan({
    model,
    desired,
    current,
    options,
    ownersFor: context.ownersFor,
  });
  return { plan, checksum: planChecksum(plan) };
}

/** Applies a plan's groups, then its Exclude-from-Scan changes. */
export async function applySync(
  context: SyncContext,
  plan: Plan,
): Promise<ApplyResult[]> {
  const groups = await applyGroups(plan, context.client);
  const exclusions = await applyExclusions(plan, context.client, context.store);
  return [...groups, ...exclusions];
}

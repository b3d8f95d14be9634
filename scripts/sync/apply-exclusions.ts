/**
 * Applies the Exclude-from-Scan part of a plan: one add and one remove
 * call, each carrying our marker in its comment, then a read-back that
 * decides the outcome and updates the record of what we added.
 */
import { AddressSet } from '../net/address-set.ts';
import { QualysAuthError } from '../qualys/errors.ts';
import type { QualysClient } from '../qualys/types.ts';
import { type AddressCount, describeCount } from './address-count.ts';
import type { ApplyResult } from './apply.ts';
import {
  readExclusionRecord,
  writeExclusionRecord,
  type RecordStore,
} from './exclusion-record.ts';
import type { Plan } from './types.ts';

const TITLE = 'Exclude from Scan';

/**
 * Adds and removes excluded IPs as planned and records what we own.
 * @throws QualysAuthError when the credentials are refused.
 */
export async function applyExclusions(
  plan: Plan,
  client: QualysClient,
  store: RecordStore,
): Promise<ApplyResult[]> {
  const { add, remove } = plan.exclusions;
  if (add.length === 0 && remove.length === 0) return [];
  const comment = `${plan.marker} from policy/scanning.yaml`;
  const errors = new Map<string, string>();

  if (add.length > 0) {
    const error = await attempt(() => client.addExcludedIps(add, comment));
    if (error) errors.set('add', error);
  }
  if (remove.length > 0) {
    const error = await attempt(() =>
      client.removeExcludedIps(remove, comment),
    );
    if (error) errors.set('remove', error);
  }

  const listed = AddressSet.parse(await client.listExcludedIps());
  const added = AddressSet.parse(add).intersect(listed);
  const removed = AddressSet.parse(remove).subtract(listed);
  const record = await readExclusionRecord(store, plan.marker);
  await writeExclusionRecord(
    store,
    plan.marker,
    record.union(added).subtract(removed),
  );

  const results: ApplyResult[] = [];
  if (add.length > 0) {
    const ok = listed.containsSet(AddressSet.parse(add));
    results.push(
      result('add', ok, plan.exclusions.addCount, errors.get('add')),
    );
  }
  if (remove.length > 0) {
    const ok = AddressSet.parse(remove).intersect(listed).isEmpty();
    results.push(
      result('remove', ok, plan.exclusions.removeCount, errors.get('remove')),
    );
  }
  return results;
}

async function attempt(
  write: () => Promise<void>,
): Promise<string | undefined> {
  try {
    await write();
    return undefined;
  } catch (error) {
    if (error instanceof QualysAuthError) throw error;
    return error instanceof Error ? error.message : String(error);
  }
}

function result(
  action: string,
  ok: boolean,
  count: AddressCount,
  error: string | undefined,
): ApplyResult {
  const note = error ? ` after an unclear answer (${error})` : '';
  if (ok) {
    return {
      title: TITLE,
      action,
      outcome: 'ok',
      detail: `${describeCount(count)} verified${note}`,
    };
  }
  return {
    title: TITLE,
    action,
    outcome: 'failed',
    detail: error ? `${error}; run again` : 'read-back does not match',
  };
}

/**
 * What the plan and apply commands share once Qualys is open: the policy,
 * the CODEOWNERS owners, the state store, a fresh plan, and writing the
 * plan file a reviewer's checksum refers to.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { openStateStore } from '../delivery/state-store.ts';
import { writeFileAtomic } from '../output/atomic-write.ts';
import { UsageError } from '../errors.ts';
import { loadPolicyOrThrow } from '../policy/load.ts';
import type { PolicyModel } from '../policy/model.ts';
import { ownersFor } from '../policy/codeowners.ts';
import type { QualysClient } from '../qualys/types.ts';
import type { OwnersFor } from './approvers.ts';
import type { DiffOptions } from './diff.ts';
import type { RecordStore } from './exclusion-record.ts';
import { planSync, type PlannedSync, type SyncContext } from './session.ts';
import type { Plan } from './types.ts';

export interface OpenedSync {
  context: SyncContext;
  store: RecordStore;
  planned: PlannedSync;
}

/**
 * Loads the policy and plans against the given client.
 * @throws InputError when the policy has errors or names unknown scanners.
 */
export async function prepareSync(
  root: string,
  client: QualysClient,
  options: DiffOptions,
  store: RecordStore = openStateStore({ root }),
): Promise<OpenedSync> {
  const model = await loadPolicyOrThrow(root);
  checkAdopted(model, options.adopt);
  const context: SyncContext = {
    model,
    client,
    store,
    ownersFor: await codeownersOf(root),
  };
  return { context, store, planned: await planSync(context, options) };
}

/**
 * @throws UsageError for an --adopt title no unit file declares: a typo
 * would otherwise adopt nothing, silently, and the conflict would stay.
 */
function checkAdopted(model: PolicyModel, titles: string[]): void {
  const ours = new Set(
    model.units.flatMap((u) => u.masterAssetGroups.map((g) => g.title)),
  );
  const unknown = titles.filter((title) => !ours.has(title));
  if (unknown.length === 0) return;
  throw new UsageError(
    `--adopt ${unknown.map((t) => `"${t}"`).join(', ')}: no unit file ` +
      'declares a master asset group of that title',
    {
      hint:
        'give the title exactly as in units/ (e.g. mg-law-servers); ' +
        '`vmgov plan` names each group it could adopt',
    },
  );
}

async function codeownersOf(root: string): Promise<OwnersFor | undefined> {
  try {
    const text = await readFile(
      path.join(root, '.github', 'CODEOWNERS'),
      'utf8',
    );
    return (file) => ownersFor(text, file);
  } catch {
    return undefined;
  }
}

/** Writes `{ checksum, plan }` whole (see writeFileAtomic). */
export async function writePlanFile(
  file: string,
  plan: Plan,
  checksum: string,
): Promise<void> {
  await writeFileAtomic(
    file,
    `${JSON.stringify({ checksum, plan }, null, 2)}\n`,
  );
}

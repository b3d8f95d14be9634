/**
 * What the plan and apply commands share once Qualys is open: the policy,
 * the CODEOWNERS owners, the state store, a fresh plan, and writing the
 * plan file a reviewer's checksum refers to.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { openStateStore } from '../delivery/state-store.ts';
import { writeFileAtomic } from '../output/atomic-write.ts';
import { loadPolicyOrThrow } from '../policy/load.ts';
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
  const context: SyncContext = {
    model,
    client,
    store,
    ownersFor: await codeownersOf(root),
  };
  return { context, store, planned: await planSync(context, options) };
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

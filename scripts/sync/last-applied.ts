/**
 * The commit of `main` that the last complete sync applied. A scheduled
 * run that finds changes while `main` is still at that commit has found
 * drift: someone changed a managed group in Qualys.
 */
import type { RecordStore } from './exclusion-record.ts';

export const LAST_APPLIED_KEY = 'sync/last-applied.json';

interface LastApplied {
  commit: string;
  checksum: string;
}

export async function readLastApplied(
  store: RecordStore,
): Promise<LastApplied | undefined> {
  const text = await store.read(LAST_APPLIED_KEY);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as LastApplied;
  } catch {
    // An unreadable record only means drift cannot be told apart this time.
    return undefined;
  }
}

export async function writeLastApplied(
  store: RecordStore,
  record: LastApplied,
): Promise<void> {
  await store.write(
    LAST_APPLIED_KEY,
    `${JSON.stringify(record, null, 2)}\n`,
    `sync: applied ${record.commit.slice(0, 12)}`,
  );
}

/** True when main has not moved since the last complete sync. */
export async function isDrift(
  store: RecordStore,
  commit: string | undefined,
): Promise<boolean> {
  if (!commit) return false;
  const last = await readLastApplied(store);
  return last?.commit === commit;
}

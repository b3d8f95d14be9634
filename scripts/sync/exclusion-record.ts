/**
 * The record of Exclude-from-Scan addresses this repository added. The
 * Qualys list does not say who added an address, so this record is what
 * lets a later sync remove our own entries and never a person's.
 */
import { InputError } from '../errors.ts';
import { AddressSet } from '../net/address-set.ts';

/** The part of the state store the record needs. */
export interface RecordStore {
  read(key: string): Promise<string | undefined>;
  write(key: string, content: string, message: string): Promise<void>;
}

export const EXCLUSION_RECORD_KEY = 'sync/excluded-ips.json';

interface RecordFile {
  marker: string;
  ranges: string[];
}

/**
 * Reads what we added earlier; empty when nothing was recorded.
 * @throws InputError when the stored record cannot be read.
 */
export async function readExclusionRecord(
  store: RecordStore,
  marker: string,
): Promise<AddressSet> {
  const text = await store.read(EXCLUSION_RECORD_KEY);
  if (text === undefined) return AddressSet.empty();
  try {
    const file = JSON.parse(text) as RecordFile;
    if (file.marker !== marker) return AddressSet.empty();
    return AddressSet.parse(file.ranges);
  } catch (error) {
    throw new InputError(
      `the state record ${EXCLUSION_RECORD_KEY} is not valid`,
      {
        cause: error,
        hint: 'restore it from the state history; until then nothing we added can be removed',
      },
    );
  }
}

export async function writeExclusionRecord(
  store: RecordStore,
  marker: string,
  record: AddressSet,
): Promise<void> {
  const file: RecordFile = { marker, ranges: record.toQualys() };
  await store.write(
    EXCLUSION_RECORD_KEY,
    `${JSON.stringify(file, null, 2)}\n`,
    'sync: record of Exclude-from-Scan addresses added by vmgov',
  );
}

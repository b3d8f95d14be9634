/**
 * The Exclude-from-Scan part of a plan. The list is shared with people who
 * exclude addresses by hand, so only what this repository added (its
 * record) is ever removed; the rest is reported as unmanaged.
 */
import { AddressSet } from '../net/address-set.ts';
import { countOf } from './address-count.ts';
import type { CurrentState, DesiredState, ExclusionChange } from './types.ts';

export function diffExclusions(
  desired: DesiredState,
  current: CurrentState,
): ExclusionChange {
  const listed = readable(current.excludedIps);
  const add = desired.exclusions.subtract(listed);
  const remove = current.excludedByUs
    .intersect(listed)
    .subtract(desired.exclusions);
  const unmanaged = listed
    .subtract(desired.exclusions)
    .subtract(current.excludedByUs);
  return {
    add: add.toQualys(),
    remove: remove.toQualys(),
    unmanaged: unmanaged.toQualys(),
    addCount: countOf(add),
    removeCount: countOf(remove),
  };
}

/** The record after applying a change: what we added, minus what we removed. */
export function nextRecord(
  record: AddressSet,
  added: string[],
  removed: string[],
): AddressSet {
  return record.union(readable(added)).subtract(readable(removed));
}

function readable(texts: string[]): AddressSet {
  const ok = texts.filter((t) => {
    try {
      AddressSet.parse([t]);
      return true;
    } catch {
      return false;
    }
  });
  return AddressSet.parse(ok);
}

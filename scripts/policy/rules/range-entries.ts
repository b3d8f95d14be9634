/**
 * The master-group ranges of every unit, flattened and sorted by start per
 * family: the input both overlap sweeps share.
 */
import type { Family } from '../../net/address.ts';
import type { LocatedRange, PolicyModel } from '../model.ts';

export interface RangeEntry {
  range: LocatedRange;
  unit: string;
  group: string;
}

// Both overlap sweeps read the same sorted list: sort once per model.
const cache = new WeakMap<PolicyModel, Record<Family, RangeEntry[]>>();

export function sortedEntries(
  model: PolicyModel,
): Record<Family, RangeEntry[]> {
  const cached = cache.get(model);
  if (cached) return cached;
  const out: Record<Family, RangeEntry[]> = { 4: [], 6: [] };
  for (const unit of model.units) {
    for (const group of unit.masterAssetGroups) {
      for (const range of group.ranges) {
        out[range.family].push({ range, unit: unit.id, group: group.title });
      }
    }
  }
  for (const list of Object.values(out)) {
    list.sort((a, b) =>
      a.range.first < b.range.first
        ? -1
        : a.range.first > b.range.first
          ? 1
          : 0,
    );
  }
  cache.set(model, out);
  return out;
}

/** The block two overlapping ranges share. */
export function sharedBlock(
  a: LocatedRange,
  b: LocatedRange,
): { family: Family; first: bigint; last: bigint } {
  return {
    family: a.family,
    first: a.first > b.first ? a.first : b.first,
    last: a.last < b.last ? a.last : b.last,
  };
}

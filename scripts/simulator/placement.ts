/**
 * Where generated hosts sit: a few in every sub-group and low-intensity
 * range, the rest of a master group's share in its own ranges, and some in
 * the address space outside every group. Addresses never repeat.
 */
import { AddressSet } from '../net/address-set.ts';
import { formatAddress, rangeSize } from '../net/address.ts';
import type { SeedLayout } from './layout.ts';
import type { Rng } from './prng.ts';

export interface Placement {
  ip: string;
  /** Master group title, or undefined for a host in no group. */
  group: string | undefined;
  unit: string | undefined;
}

const SUBGROUP_HOSTS = 2;
const FALLBACK_SPACE = ['192.0.2.0/24'];

export function placeHosts(
  layout: SeedLayout,
  rng: Rng,
  hostsPerGroup: number,
  ungrouped: number,
): Placement[] {
  const used = new Set<string>();
  const out: Placement[] = [];
  const take = (
    set: AddressSet,
    count: number,
    group?: string,
    unit?: string,
  ) => {
    for (let n = 0; n < count; n += 1) {
      const ip = freeAddress(set, rng, used);
      if (ip === undefined) return;
      out.push({ ip, group, unit });
    }
  };

  let grouped = AddressSet.empty();
  for (const g of layout.masterGroups) {
    const master = AddressSet.parse(g.ranges);
    grouped = grouped.union(master);
    let placed = 0;
    for (const sub of g.subgroups) {
      take(AddressSet.parse(sub.ranges), SUBGROUP_HOSTS, g.title, g.unit);
      placed += SUBGROUP_HOSTS;
    }
    if (g.lowIntensity.length > 0) {
      take(AddressSet.parse(g.lowIntensity), 1, g.title, g.unit);
      placed += 1;
    }
    take(master, Math.max(1, hostsPerGroup - placed), g.title, g.unit);
  }

  const space =
    layout.addressSpace.length > 0 ? layout.addressSpace : FALLBACK_SPACE;
  let outside = AddressSet.parse(space).subtract(grouped);
  if (outside.isEmpty()) outside = AddressSet.parse(FALLBACK_SPACE);
  take(outside, ungrouped);
  return out;
}

/** A random unused address of the set; undefined when none is left to find. */
function freeAddress(
  set: AddressSet,
  rng: Rng,
  used: Set<string>,
): string | undefined {
  const size = set.size();
  if (size === 0n) return undefined;
  for (let attempt = 0; attempt < 64; attempt += 1) {
    // Offsets past 2^53 are not needed: a small sample of a huge range will do.
    const span = size > 1_000_000n ? 1_000_000 : Number(size);
    const ip = nthAddress(set, BigInt(rng.int(0, span - 1)));
    if (!used.has(ip)) {
      used.add(ip);
      return ip;
    }
  }
  return undefined;
}

function nthAddress(set: AddressSet, n: bigint): string {
  let rest = n;
  for (const range of set.ranges()) {
    const size = rangeSize(range);
    if (rest < size) return formatAddress(range.family, range.first + rest);
    rest -= size;
  }
  throw new RangeError('address offset beyond the set');
}

/**
 * The large-change brake: limits from `policy/program.yaml` on how many
 * addresses a sync may take out of master groups. Only master groups
 * count: they are a unit's scope, and sub-groups only repeat their ranges.
 */
import type { ProgramSettings } from '../policy/model.ts';
import {
  type AddressCount,
  addCounts,
  describeCount,
  limitMeasure,
  NO_ADDRESSES,
  thousands,
} from './address-count.ts';
import type { GroupChange, LimitBreach } from './types.ts';

type SyncLimits = Pick<
  ProgramSettings['sync'],
  | 'maxRemovedAddressesPerUnit'
  | 'maxRemovedAddressesTotal'
  | 'maxRemovedShareOfGroup'
>;

const PARTS_PER_MILLION = 1_000_000n;
// Said in every count limit message, so a reader knows how IPv6 weighs.
const COUNTING = 'counting one IPv6 /64 network like one IPv4 address';

/** Addresses a change takes out of a master group (none when it does not run). */
export function removedByChange(change: GroupChange): AddressCount {
  if (change.kind !== 'master') return NO_ADDRESSES;
  if (change.action !== 'update' && change.action !== 'delete')
    return NO_ADDRESSES;
  return change.ranges.removedCount;
}

/**
 * The per-unit and total limits compare IPv4 addresses plus IPv6 /64
 * networks (limitMeasure): a /64 is one IPv6 subnet, so removing one
 * weighs like one address, where its 2^64 addresses would break any limit.
 */
export function checkLimits(
  changes: GroupChange[],
  limits: SyncLimits,
): LimitBreach[] {
  const breaches: LimitBreach[] = [];
  const byUnit = new Map<string, AddressCount>();
  for (const change of changes) {
    const removed = removedByChange(change);
    byUnit.set(
      change.unit,
      addCounts(byUnit.get(change.unit) ?? NO_ADDRESSES, removed),
    );
    breaches.push(...shareBreaches(change, limits.maxRemovedShareOfGroup));
  }

  const perUnit = BigInt(limits.maxRemovedAddressesPerUnit);
  for (const [unit, removed] of [...byUnit].sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  )) {
    const measure = limitMeasure(removed);
    if (measure <= perUnit) continue;
    breaches.push({
      rule: 'maxRemovedAddressesPerUnit',
      scope: unit,
      limit: perUnit.toString(),
      actual: measure.toString(),
      message:
        `unit ${unit} would lose ${describeCount(removed)}; the limit per ` +
        `unit is ${thousands(perUnit)}, ${COUNTING}`,
    });
  }

  const total = [...byUnit.values()].reduce(addCounts, NO_ADDRESSES);
  const maxTotal = BigInt(limits.maxRemovedAddressesTotal);
  if (limitMeasure(total) > maxTotal) {
    breaches.push({
      rule: 'maxRemovedAddressesTotal',
      scope: 'all units',
      limit: maxTotal.toString(),
      actual: limitMeasure(total).toString(),
      message:
        `this sync would remove ${describeCount(total)} in all; the limit ` +
        `is ${thousands(maxTotal)}, ${COUNTING}`,
    });
  }
  return breaches;
}

const FAMILIES = [
  { key: 'ipv4', words: 'IPv4 addresses' },
  { key: 'ipv6Networks64', words: 'IPv6 /64 networks' },
] as const;

/**
 * The share limit applies to each family on its own: a dual-stack group's
 * IPv6 /64s would otherwise outweigh and hide a large IPv4 removal.
 */
function shareBreaches(change: GroupChange, maxShare: number): LimitBreach[] {
  // A deletion is gated by --prune; the share brake is for edits that
  // hollow out a group that stays.
  if (change.kind !== 'master' || change.action !== 'update') return [];
  const limitPpm = BigInt(Math.round(maxShare * 1_000_000));
  const limitText = `${Math.round(maxShare * 1000) / 10}%`;
  const out: LimitBreach[] = [];
  for (const { key, words } of FAMILIES) {
    const before = BigInt(change.ranges.beforeCount[key]);
    const removed = BigInt(change.ranges.removedCount[key]);
    if (before === 0n || removed === 0n) continue;
    if (removed * PARTS_PER_MILLION <= limitPpm * before) continue;
    const percent = Number((removed * 1000n) / before) / 10;
    out.push({
      rule: 'maxRemovedShareOfGroup',
      scope: change.title,
      limit: limitText,
      actual: `${percent}%`,
      message:
        `${change.title} would lose ${thousands(removed)} of its ` +
        `${thousands(before)} ${words} (${percent}%); the limit is ` +
        `${limitText} of a group, for IPv4 and IPv6 each`,
    });
  }
  return out;
}

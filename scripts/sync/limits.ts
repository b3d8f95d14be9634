/**
 * The large-change brake: limits from `policy/program.yaml` on how many
 * addresses a sync may take out of master groups. Only master groups
 * count: they are a unit's scope, and sub-groups only repeat their ranges.
 */
import type { ProgramSettings } from '../policy/model.ts';
import type { GroupChange, LimitBreach } from './types.ts';

type SyncLimits = Pick<
  ProgramSettings['sync'],
  | 'maxRemovedAddressesPerUnit'
  | 'maxRemovedAddressesTotal'
  | 'maxRemovedShareOfGroup'
>;

const PARTS_PER_MILLION = 1_000_000n;

/** Addresses a change takes out of a master group (0 when it does not run). */
export function removedByChange(change: GroupChange): bigint {
  if (change.kind !== 'master') return 0n;
  if (change.action !== 'update' && change.action !== 'delete') return 0n;
  return BigInt(change.ranges.removedCount);
}

export function checkLimits(
  changes: GroupChange[],
  limits: SyncLimits,
): LimitBreach[] {
  const breaches: LimitBreach[] = [];
  const byUnit = new Map<string, bigint>();
  for (const change of changes) {
    const removed = removedByChange(change);
    byUnit.set(change.unit, (byUnit.get(change.unit) ?? 0n) + removed);
    const share = shareBreach(change, limits.maxRemovedShareOfGroup);
    if (share) breaches.push(share);
  }

  const perUnit = BigInt(limits.maxRemovedAddressesPerUnit);
  for (const [unit, removed] of [...byUnit].sort()) {
    if (removed <= perUnit) continue;
    breaches.push({
      rule: 'maxRemovedAddressesPerUnit',
      scope: unit,
      limit: perUnit.toString(),
      actual: removed.toString(),
      message: `unit ${unit} would lose ${removed} addresses; the limit per unit is ${perUnit}`,
    });
  }

  const total = [...byUnit.values()].reduce((a, b) => a + b, 0n);
  const maxTotal = BigInt(limits.maxRemovedAddressesTotal);
  if (total > maxTotal) {
    breaches.push({
      rule: 'maxRemovedAddressesTotal',
      scope: 'all units',
      limit: maxTotal.toString(),
      actual: total.toString(),
      message: `this sync would remove ${total} addresses in all; the limit is ${maxTotal}`,
    });
  }
  return breaches;
}

function shareBreach(
  change: GroupChange,
  maxShare: number,
): LimitBreach | undefined {
  // A deletion is gated by --prune; the share brake is for edits that
  // hollow out a group that stays.
  if (change.kind !== 'master' || change.action !== 'update') return undefined;
  const before = BigInt(change.ranges.beforeCount);
  const removed = BigInt(change.ranges.removedCount);
  if (before === 0n || removed === 0n) return undefined;
  const limitPpm = BigInt(Math.round(maxShare * 1_000_000));
  if (removed * PARTS_PER_MILLION <= limitPpm * before) return undefined;
  const percent = Number((removed * 1000n) / before) / 10;
  return {
    rule: 'maxRemovedShareOfGroup',
    scope: change.title,
    limit: `${Math.round(maxShare * 1000) / 10}%`,
    actual: `${percent}%`,
    message:
      `${change.title} would lose ${removed} of its ${before} addresses ` +
      `(${percent}%); the limit is ${Math.round(maxShare * 1000) / 10}% of a group`,
  };
}

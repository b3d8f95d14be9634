/**
 * The difference between desired and current state, group by group. Only
 * groups carrying our marker are matched for update or delete; a group
 * with one of our titles and no marker (or another's) is a conflict unless
 * the run adopts it by title.
 */
import { AddressSet } from '../net/address-set.ts';
import type { AssetGroup } from '../qualys/types.ts';
import {
  currentSet,
  delta,
  fieldDifferences,
  fieldsOf,
} from './group-fields.ts';
import { ownershipOf, unitOf } from './marker.ts';
import type {
  Conflict,
  CurrentState,
  DesiredGroup,
  DesiredState,
  GroupChange,
} from './types.ts';

export interface DiffOptions {
  prune: boolean;
  /** Titles whose unmarked or foreign group this run may take over. */
  adopt: string[];
}

export interface GroupDiff {
  changes: GroupChange[];
  conflicts: Conflict[];
}

export function diffGroups(
  desired: DesiredState,
  current: CurrentState,
  options: DiffOptions,
): GroupDiff {
  const byTitle = groupBy(current.groups, (g) => g.title);
  const changes: GroupChange[] = [];
  const conflicts: Conflict[] = [];

  // Sub-groups follow their master: while the master is refused, nothing
  // generated from it is written either.
  const refused = new Set<string>();
  for (const want of desired.groups) {
    if (want.master && refused.has(want.master)) continue;
    const found = byTitle.get(want.title) ?? [];
    const ours = found.filter(
      (g) => ownershipOf(g.comments, desired.marker).kind === 'ours',
    );
    const adoptable = options.adopt.includes(want.title) && found.length === 1;
    if (ours.length > 1 || (ours.length === 0 && found.length > 1)) {
      conflicts.push(conflict(want, found, 'duplicate-title'));
      refused.add(want.title);
    } else if (ours.length === 1 || adoptable) {
      const change = updateOf(want, ours[0] ?? found[0]);
      if (ours.length === 0) change.adopted = true;
      if (change.adopted || isChanged(change)) changes.push(change);
    } else if (found.length === 0) {
      changes.push(createOf(want));
    } else {
      const owner = ownershipOf(found[0]?.comments, desired.marker);
      const c = conflict(
        want,
        found,
        owner.kind === 'foreign' ? 'foreign-marker' : 'unmarked',
      );
      if (owner.kind === 'foreign') c.foundMarker = owner.marker;
      conflicts.push(c);
      refused.add(want.title);
    }
  }

  const wanted = new Set(desired.groups.map((g) => g.title));
  for (const group of current.groups) {
    if (wanted.has(group.title)) continue;
    if (ownershipOf(group.comments, desired.marker).kind !== 'ours') continue;
    changes.push(removalOf(group, options.prune));
  }
  return { changes, conflicts };
}

function createOf(want: DesiredGroup): GroupChange {
  return {
    action: 'create',
    title: want.title,
    kind: want.kind,
    unit: want.unit,
    fields: fieldsOf(want),
    changedFields: [],
    ranges: delta(AddressSet.empty(), want.set),
  };
}

function updateOf(want: DesiredGroup, group: AssetGroup): GroupChange {
  const fields = fieldsOf(want);
  const { set, unreadable } = currentSet(group);
  const changed = fieldDifferences(fields, group).filter((f) => f !== 'ips');
  if (unreadable.length > 0) changed.unshift('ips');
  return {
    action: 'update',
    title: want.title,
    kind: want.kind,
    unit: want.unit,
    id: group.id,
    fields,
    changedFields: changed,
    ranges: delta(set, want.set),
  };
}

function removalOf(group: AssetGroup, prune: boolean): GroupChange {
  return {
    action: prune ? 'delete' : 'orphan',
    title: group.title,
    kind: group.title.startsWith('sg-') ? 'subgroup' : 'master',
    unit: unitOf(group.comments) ?? group.division ?? 'unknown',
    id: group.id,
    changedFields: [],
    ranges: delta(currentSet(group).set, AddressSet.empty()),
  };
}

function isChanged(change: GroupChange): boolean {
  return (
    change.changedFields.length > 0 ||
    change.ranges.added.length > 0 ||
    change.ranges.removed.length > 0
  );
}

function conflict(
  want: DesiredGroup,
  found: AssetGroup[],
  reason: Conflict['reason'],
): Conflict {
  return {
    title: want.title,
    unit: want.unit,
    ids: found.map((g) => g.id),
    reason,
  };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    out.set(k, [...(out.get(k) ?? []), item]);
  }
  return out;
}

/**
 * A plan: the group and exclusion changes per unit, the conflicts we
 * refuse, the limits broken and who must approve. Built from plain data
 * in a fixed order, so the same states always give the same plan.
 */
import type { PolicyModel } from '../policy/model.ts';
import { addCounts, NO_ADDRESSES } from './address-count.ts';
import { approversOf, type OwnersFor } from './approvers.ts';
import { diffGroups, type DiffOptions } from './diff.ts';
import { diffExclusions } from './exclusions.ts';
import { checkLimits, removedByChange } from './limits.ts';
import type {
  CurrentState,
  DesiredState,
  GroupAction,
  GroupChange,
  Plan,
  UnitPlan,
} from './types.ts';

const ACTION_ORDER: Record<GroupAction, number> = {
  create: 0,
  update: 1,
  delete: 2,
  orphan: 3,
};

export interface PlanInput {
  model: PolicyModel;
  desired: DesiredState;
  current: CurrentState;
  options: DiffOptions;
  ownersFor?: OwnersFor;
}

export function buildPlan(input: PlanInput): Plan {
  const { model, desired, current, options } = input;
  const { changes, conflicts } = diffGroups(desired, current, options);
  const limits = checkLimits(changes, model.program.sync);

  const byUnit = new Map<string, GroupChange[]>();
  for (const change of changes) {
    byUnit.set(change.unit, [...(byUnit.get(change.unit) ?? []), change]);
  }
  const units: UnitPlan[] = [...byUnit.keys()].sort().map((unit) => {
    const list = (byUnit.get(unit) ?? []).sort(
      (a, b) =>
        ACTION_ORDER[a.action] - ACTION_ORDER[b.action] ||
        a.title.localeCompare(b.title),
    );
    const removed = list.reduce(
      (sum, c) => addCounts(sum, removedByChange(c)),
      NO_ADDRESSES,
    );
    return {
      unit,
      changes: list,
      removedAddresses: removed,
      approvers: approversOf(model, unit, input.ownersFor),
    };
  });

  return {
    version: 2,
    marker: desired.marker,
    prune: options.prune,
    units,
    exclusions: diffExclusions(desired, current),
    conflicts: conflicts.sort((a, b) => a.title.localeCompare(b.title)),
    limits,
    governanceApprovers: [model.program.governance.team],
  };
}

/** Whether applying the plan would write anything. */
export function hasChanges(plan: Plan): boolean {
  const groups = plan.units.some((u) =>
    u.changes.some((c) => c.action !== 'orphan'),
  );
  return (
    groups ||
    plan.exclusions.add.length > 0 ||
    plan.exclusions.remove.length > 0
  );
}

/** Why the plan may not be applied as it stands (empty when it may). */
export function refusals(plan: Plan, allowLargeChange: boolean): string[] {
  const out = plan.conflicts.map(
    (c) =>
      `${c.title}: a group with this title exists without our marker ` +
      `(${c.reason}${c.foundMarker ? ` ${c.foundMarker}` : ''}, id ${c.ids.join(', ')}); ` +
      `rename it in Qualys or pass --adopt "${c.title}"`,
  );
  if (!allowLargeChange) {
    out.push(
      ...plan.limits.map(
        (l) =>
          `${l.message}; governance must approve with the large-change ` +
          'label (--allow-large-change)',
      ),
    );
  }
  return out;
}

/** Counts for summaries: creates, updates, deletes, orphans. */
export function countActions(plan: Plan): Record<GroupAction, number> {
  const counts: Record<GroupAction, number> = {
    create: 0,
    update: 0,
    delete: 0,
    orphan: 0,
  };
  for (const unit of plan.units) {
    for (const change of unit.changes) counts[change.action] += 1;
  }
  return counts;
}

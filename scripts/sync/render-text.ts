/**
 * The plan as text for a terminal or a workflow log: one block per unit,
 * then the Exclude-from-Scan list, conflicts, limits and a summary line.
 * Counts are worded by describeCount: IPv4 addresses and IPv6 /64 networks.
 */
import { describeCount } from './address-count.ts';
import { countActions } from './plan.ts';
import type { GroupChange, Plan } from './types.ts';

const SHOWN_RANGES = 20;
const SIGN = { create: '+', update: '~', delete: '-', orphan: '!' } as const;

export function renderText(plan: Plan, checksum: string): string {
  const lines = [`Plan for ${plan.marker} (checksum ${checksum})`];

  for (const unit of plan.units) {
    lines.push('', `unit ${unit.unit} (approve: ${unit.approvers.join(', ')})`);
    for (const change of unit.changes) lines.push(...changeLines(change));
  }

  const ex = plan.exclusions;
  if (ex.add.length + ex.remove.length + ex.unmanaged.length > 0) {
    lines.push(
      '',
      `Exclude from Scan (approve: ${plan.governanceApprovers.join(', ')})`,
    );
    if (ex.add.length > 0)
      lines.push(`  + add ${describeCount(ex.addCount)}: ${shown(ex.add)}`);
    if (ex.remove.length > 0)
      lines.push(
        `  - remove ${describeCount(ex.removeCount)}: ${shown(ex.remove)}`,
      );
    if (ex.unmanaged.length > 0)
      lines.push(`  unmanaged, left alone: ${shown(ex.unmanaged)}`);
  }

  if (plan.conflicts.length > 0) {
    lines.push('', 'Refused (a group with our title that we do not own):');
    for (const c of plan.conflicts) {
      const who = c.foundMarker ? `marker ${c.foundMarker}` : c.reason;
      lines.push(
        `  ${c.title} (unit ${c.unit}): ${who}, id ${c.ids.join(', ')}`,
      );
    }
  }
  if (plan.limits.length > 0) {
    lines.push('', 'Limits broken (needs --allow-large-change):');
    for (const l of plan.limits) lines.push(`  ${l.message}`);
  }

  lines.push('', summaryLine(plan));
  return `${lines.join('\n')}\n`;
}

export function summaryLine(plan: Plan): string {
  const n = countActions(plan);
  const ex = plan.exclusions;
  return (
    `Summary: ${n.create} to create, ${n.update} to update, ` +
    `${n.delete} to delete, ${n.orphan} left over (needs --prune); ` +
    `Exclude from Scan: ${describeCount(ex.addCount)} to add, ` +
    `${describeCount(ex.removeCount)} to remove; ` +
    `${plan.conflicts.length} refused, ${plan.limits.length} limits broken`
  );
}

function changeLines(change: GroupChange): string[] {
  const r = change.ranges;
  const head = `  ${SIGN[change.action]} ${change.action} ${change.title}`;
  if (change.action === 'create') {
    return [`${head} with ${describeCount(r.addedCount)}: ${shown(r.added)}`];
  }
  if (change.action === 'delete') {
    return [`${head} (id ${change.id}, ${describeCount(r.removedCount)})`];
  }
  if (change.action === 'orphan') {
    return [
      `${head} (id ${change.id}): no longer in the YAML; pass --prune to delete`,
    ];
  }
  const lines = [
    `${head} (id ${change.id}): adds ${describeCount(r.addedCount)}; ` +
      `removes ${describeCount(r.removedCount)}`,
  ];
  if (r.added.length > 0) lines.push(`      added: ${shown(r.added)}`);
  if (r.removed.length > 0) lines.push(`      removed: ${shown(r.removed)}`);
  if (change.changedFields.length > 0)
    lines.push(`      also sets: ${change.changedFields.join(', ')}`);
  if (change.adopted) lines.push('      adopted: takes our marker');
  return lines;
}

/** A range list cut after a few items, saying how many were left out. */
export function shown(items: string[], max = SHOWN_RANGES): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} … and ${items.length - max} more`;
}

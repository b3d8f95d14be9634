/**
 * The plan in Markdown, for the pull-request comment and the step
 * summary: a table per unit in words a department's IT staff read, range
 * lists folded in <details>. `compact` leaves the lists out to fit a
 * comment.
 */
import { describeCount } from './address-count.ts';
import { shown, summaryLine } from './render-text.ts';
import type { GroupChange, Plan, UnitPlan } from './types.ts';

const WORDS = {
  create: 'will be created',
  update: 'will change',
  delete: 'will be deleted',
  orphan: 'no longer in the YAML (kept; deleted only with --prune)',
} as const;

export function renderMarkdown(
  plan: Plan,
  checksum: string,
  options: { compact?: boolean } = {},
): string {
  const out = [`### Qualys plan for \`${plan.marker}\``, ''];
  if (
    plan.units.length === 0 &&
    plan.exclusions.add.length === 0 &&
    plan.exclusions.remove.length === 0
  ) {
    out.push('No change: Qualys already matches the repository.', '');
  }
  for (const unit of plan.units)
    out.push(...unitSection(unit, options.compact));
  out.push(...exclusionSection(plan, options.compact));

  if (plan.conflicts.length > 0) {
    out.push('#### Refused: groups with our title that we do not own', '');
    for (const c of plan.conflicts) {
      const who = c.foundMarker
        ? `carries \`${c.foundMarker}\``
        : `is ${c.reason}`;
      out.push(
        `- \`${c.title}\` (unit ${c.unit}, id ${c.ids.join(', ')}) ${who}: ` +
          `rename it in Qualys, or adopt it with \`--adopt "${c.title}"\``,
      );
    }
    out.push('');
  }
  if (plan.limits.length > 0) {
    out.push('#### Limits broken: governance must approve', '');
    for (const l of plan.limits) out.push(`- ${l.message}`);
    out.push(
      '',
      'Governance approves by setting the `large-change` label.',
      '',
    );
  }
  out.push(summaryLine(plan), '', `Plan checksum: \`${checksum}\``, '');
  return out.join('\n');
}

function unitSection(unit: UnitPlan, compact = false): string[] {
  const out = [
    `#### Unit \`${unit.unit}\``,
    '',
    `Approve: ${unit.approvers.join(', ')}`,
    '',
    '| Group | What happens | Added | Removed |',
    '|---|---|---|---|',
  ];
  for (const c of unit.changes) {
    const what =
      c.changedFields.length > 0
        ? `${WORDS[c.action]} (also ${c.changedFields.join(', ')})`
        : WORDS[c.action];
    out.push(
      `| \`${c.title}\` | ${what} | ${describeCount(c.ranges.addedCount)} | ` +
        `${describeCount(c.ranges.removedCount)} |`,
    );
  }
  out.push('');
  if (!compact) out.push(...unit.changes.flatMap(details));
  return out;
}

function details(change: GroupChange): string[] {
  const r = change.ranges;
  if (r.added.length + r.removed.length === 0) return [];
  const lines = [`<details><summary>${change.title}: ranges</summary>`, ''];
  if (r.added.length > 0) lines.push(`- added: ${r.added.join(', ')}`);
  if (r.removed.length > 0) lines.push(`- removed: ${r.removed.join(', ')}`);
  lines.push('', '</details>', '');
  return lines;
}

function exclusionSection(plan: Plan, compact = false): string[] {
  const ex = plan.exclusions;
  if (ex.add.length + ex.remove.length + ex.unmanaged.length === 0) return [];
  const list = (items: string[]): string =>
    compact ? shown(items, 10) : items.join(', ');
  const out = [
    '#### Exclude from Scan',
    '',
    `Approve: ${plan.governanceApprovers.join(', ')}`,
    '',
  ];
  if (ex.add.length > 0)
    out.push(`- add ${describeCount(ex.addCount)}: ${list(ex.add)}`);
  if (ex.remove.length > 0)
    out.push(`- remove ${describeCount(ex.removeCount)}: ${list(ex.remove)}`);
  if (ex.unmanaged.length > 0)
    out.push(`- listed by hand, left alone: ${list(ex.unmanaged)}`);
  out.push('');
  return out;
}

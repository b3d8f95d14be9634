/** The purge plan and run as text for the terminal and the workflow log. */
import { candidatesByUnit, type PurgePlan } from './purge-plan.ts';
import type { PurgeRunRecord } from './purge-ledger.ts';

export function renderPurgePlan(plan: PurgePlan): string {
  const byUnit = candidatesByUnit(plan);
  const lines = [
    `Stale hosts: no VM scan since ${plan.cutoff} (more than ${plan.staleAfterDays} days before ${plan.today}): ${plan.candidates.length} in ${byUnit.size} units`,
  ];
  for (const [unit, candidates] of byUnit) {
    lines.push('', `${unit} (${candidates.length})`);
    for (const c of candidates) {
      const name = c.dns ? `  ${c.dns}` : '';
      lines.push(
        `  ${c.address}${name}  last scan ${c.lastScan}  host id ${c.id}`,
      );
    }
  }
  const waiting = plan.skipped.filter((s) =>
    s.reason.startsWith('already purged'),
  );
  const undated = plan.skipped.filter((s) => s.reason === 'no VM scan date');
  if (waiting.length > 0) {
    lines.push(
      '',
      `Already sent to Qualys by an earlier run, not sent again: ${waiting.length}`,
    );
    for (const s of waiting) lines.push(`  host id ${s.host.id}: ${s.reason}`);
  }
  if (undated.length > 0) {
    lines.push(
      '',
      `Left alone, Qualys reports no VM scan date: ${undated.length}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export function renderPurgeRun(record: PurgeRunRecord): string {
  const lines = [
    `Purge run ${record.run}: ${record.status}, ${record.purged.length} of ${record.planned} hosts queued for purge in Qualys`,
  ];
  if (record.uncertain.length > 0) {
    lines.push(
      `${record.uncertain.length} hosts may or may not have been purged (Qualys did not answer clearly); they are not sent again for now`,
    );
  }
  return `${lines.join('\n')}\n`;
}

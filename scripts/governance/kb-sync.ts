/**
 * `kb sync`: where program.yaml chooses to apply reclassifications in
 * Qualys too, the severity edits that make the KnowledgeBase match, and the
 * QIDs someone customized in Qualys that the repository does not know
 * (reported, never reset: they are not ours).
 */
import type { PolicyModel } from '../policy/model.ts';
import type { KbVuln } from '../qualys/types.ts';

export interface KbEdit {
  qid: number;
  title: string;
  /** Severity Qualys shows now. */
  from: number | undefined;
  to: number;
}

export interface KbSyncPlan {
  enabled: boolean;
  edits: KbEdit[];
  unknown: { qid: number; title: string; severity: number }[];
}

export function planKbSync(
  model: PolicyModel,
  customized: readonly KbVuln[],
): KbSyncPlan {
  const current = new Map(customized.map((v) => [v.qid, v]));
  const ours = new Set(model.reclassifications.map((r) => r.qid));
  const enabled = model.program.sync.applyReclassificationsInQualys;
  const edits = enabled
    ? model.reclassifications
        .filter((r) => current.get(r.qid)?.severity !== r.to)
        .map((r) => ({
          qid: r.qid,
          title: r.title,
          from: current.get(r.qid)?.severity ?? model.kb.get(r.qid)?.severity,
          to: r.to,
        }))
    : [];
  const unknown = customized
    .filter((v) => !ours.has(v.qid))
    .map((v) => ({ qid: v.qid, title: v.title, severity: v.severity }))
    .sort((a, b) => a.qid - b.qid);
  return { enabled, edits: edits.sort((a, b) => a.qid - b.qid), unknown };
}

export function renderKbSyncPlan(plan: KbSyncPlan): string {
  const lines: string[] = [];
  if (!plan.enabled) {
    lines.push(
      'Reclassifications are applied in reports only (sync.apply_reclassifications_in_qualys is false): no KnowledgeBase edits.',
    );
  } else if (plan.edits.length === 0) {
    lines.push('The KnowledgeBase already shows every reclassified severity.');
  } else {
    lines.push(`KnowledgeBase severity edits: ${plan.edits.length}`);
    for (const e of plan.edits) {
      lines.push(
        `  QID ${e.qid} ${e.title}: severity ${e.from ?? '?'} → ${e.to}`,
      );
    }
  }
  if (plan.unknown.length > 0) {
    lines.push(
      `Customized in Qualys but unknown to the repository: ${plan.unknown.length}`,
    );
    for (const u of plan.unknown)
      lines.push(`  QID ${u.qid} ${u.title}: severity ${u.severity}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The report rules of the policy, as the sys-admin PDF's appendix lists them. */
import type { PolicyModel } from '../policy/model.ts';
import { plural } from '../output/plural.ts';

export interface RulesApplied {
  confirmedOnly: boolean;
  severities: number[];
  remediationDays: { severity: number; days: number }[];
  excluded: { qid: number; title: string; decidedOn: string }[];
  reclassified: {
    qid: number;
    title: string;
    from: number;
    to: number;
    decidedOn: string;
  }[];
}

export function rulesApplied(model: PolicyModel): RulesApplied {
  const { reports, remediationDays } = model.program;
  return {
    confirmedOnly: reports.confirmedOnly,
    severities: [...reports.severities].sort((a, b) => b - a),
    remediationDays: Object.entries(remediationDays)
      .map(([severity, days]) => ({
        severity: Number(severity),
        days: days ?? 0,
      }))
      .sort((a, b) => b.severity - a.severity),
    excluded: model.excludedQids
      .map((d) => ({ qid: d.qid, title: d.title, decidedOn: d.decidedOn }))
      .sort((a, b) => a.qid - b.qid),
    reclassified: model.reclassifications
      .map((r) => ({
        qid: r.qid,
        title: r.title,
        from: r.from,
        to: r.to,
        decidedOn: r.decidedOn,
      }))
      .sort((a, b) => a.qid - b.qid),
  };
}

/** The appendix as lines of text. */
export function rulesLines(rules: RulesApplied): string[] {
  const lines = [
    rules.confirmedOnly
      ? 'Only confirmed vulnerabilities are reported; potential ones are left out.'
      : 'Confirmed and potential vulnerabilities are reported.',
    `Severities reported: ${rules.severities.join(', ')}.`,
    'Statuses reported: New, Active, Re-Opened. Ignored and disabled detections are left out.',
    ...rules.remediationDays.map(
      (r) =>
        `Severity ${r.severity}: remediate within ${plural(r.days, 'day')} of first detection.`,
    ),
  ];
  lines.push(
    rules.excluded.length === 0
      ? 'ISO excluded QIDs: none.'
      : 'ISO excluded QIDs (left out of the reports):',
  );
  for (const e of rules.excluded)
    lines.push(`  QID ${e.qid}: ${e.title} (decided ${e.decidedOn})`);
  lines.push(
    rules.reclassified.length === 0
      ? 'Reclassifications: none.'
      : 'Reclassifications (severity shown as governance decided):',
  );
  for (const r of rules.reclassified) {
    lines.push(
      `  QID ${r.qid}: ${r.title}, ${r.from} to ${r.to} (decided ${r.decidedOn})`,
    );
  }
  return lines;
}

/** The executive report's plain-text part, for clients that strip HTML. */
import type { ExecutiveView } from './executive-view.ts';

export function executiveText(view: ExecutiveView): string {
  const lines = [view.heading, view.monthLabel, ''];
  for (const s of view.severities) {
    lines.push(`${s.label}: ${s.count}${s.change ? ` (${s.change})` : ''}`);
  }
  lines.push('', view.totalLine);
  if (view.changeLine) lines.push(view.changeLine);
  lines.push(view.overdueLine, '');

  if (view.noFindingsLine) {
    lines.push(view.noFindingsLine);
  } else {
    lines.push('Vulnerabilities on most systems:');
    for (const v of view.topVulnerabilities) lines.push(`  ${v.line}`);
    lines.push('', 'Systems with most findings:');
    for (const h of view.topHosts) lines.push(`  ${h.line}`);
  }

  lines.push('');
  if (view.attachmentLine) lines.push(view.attachmentLine);
  lines.push(view.footnote, '');
  return lines.join('\n');
}

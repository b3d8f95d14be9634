/**
 * The ignored-vulnerability audit as an e-mail to ISO: flagged detections
 * first, then a count per unit, then every ignored detection.
 */
import type { OutgoingMail } from '../delivery/mail.ts';
import type { PolicyModel } from '../policy/model.ts';
import type { IgnoredDetection } from './ignored-audit.ts';
import { escapeHtml } from './outcomes-html.ts';

const FLAG_TEXT = {
  'never-ignore': 'never-ignore list',
  'severity-4-5': 'severity 4/5',
};

export function auditMail(
  found: readonly IgnoredDetection[],
  model: PolicyModel,
  today: string,
): OutgoingMail {
  const month = today.slice(0, 7);
  const flagged = found.filter((f) => f.flags.length > 0);
  return {
    key: `${month}/iso/ignored-audit`,
    unit: 'iso',
    to: model.program.governance.isoRecipients,
    from: model.program.reports.sender,
    subject: `Ignored vulnerabilities audit ${month}: ${found.length} ignored, ${flagged.length} flagged`,
    text: auditText(found, today),
    html: auditHtml(found, today),
  };
}

export function auditText(
  found: readonly IgnoredDetection[],
  today: string,
): string {
  const flagged = found.filter((f) => f.flags.length > 0);
  const lines = [
    `Ignored vulnerabilities across the subscription on ${today}: ${found.length} detections, ${flagged.length} flagged.`,
    '',
    `Flagged (ignored but on the never-ignore list, or severity 4/5): ${flagged.length}`,
    ...flagged.map(
      (f) => `  ${line(f)}  [${f.flags.map((x) => FLAG_TEXT[x]).join(', ')}]`,
    ),
    '',
    'Ignored detections by unit:',
    ...countByUnit(found).map(([unit, count]) => `  ${unit}: ${count}`),
    '',
    'All ignored detections:',
    ...found.map((f) => `  ${f.unit}  ${line(f)}`),
  ];
  return `${lines.join('\n')}\n`;
}

function auditHtml(found: readonly IgnoredDetection[], today: string): string {
  const flagged = found.filter((f) => f.flags.length > 0);
  const rows = (list: readonly IgnoredDetection[]): string =>
    list
      .map(
        (f) =>
          `<tr><td>${escapeHtml(f.unit)}</td><td>${escapeHtml(f.address)}</td>` +
          `<td>${f.qid}</td><td>${escapeHtml(f.title)}</td><td>${f.severity}</td>` +
          `<td>${escapeHtml(f.flags.map((x) => FLAG_TEXT[x]).join(', '))}</td></tr>`,
      )
      .join('\n');
  const head =
    '<tr><th>Unit</th><th>Address</th><th>QID</th><th>Title</th><th>Severity</th><th>Flag</th></tr>';
  return [
    '<!doctype html><html><body>',
    `<p>Ignored vulnerabilities across the subscription on ${escapeHtml(today)}: ${found.length} detections, ${flagged.length} flagged.</p>`,
    `<h2>Flagged (${flagged.length})</h2>`,
    `<table>${head}\n${rows(flagged)}</table>`,
    '<h2>By unit</h2><ul>',
    ...countByUnit(found).map(
      ([unit, count]) => `<li>${escapeHtml(unit)}: ${count}</li>`,
    ),
    '</ul>',
    `<h2>All ignored detections (${found.length})</h2>`,
    `<table>${head}\n${rows(found)}</table>`,
    '</body></html>',
  ].join('\n');
}

function line(f: IgnoredDetection): string {
  const host =
    f.address.includes(':') && f.port !== undefined
      ? `[${f.address}]`
      : f.address;
  const port = f.port === undefined ? '' : `:${f.port}`;
  return `${host}${port}  QID ${f.qid} ${f.title}  severity ${f.severity}`;
}

function countByUnit(found: readonly IgnoredDetection[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const f of found) counts.set(f.unit, (counts.get(f.unit) ?? 0) + 1);
  return [...counts];
}

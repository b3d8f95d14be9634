/**
 * ISO's roll-up: every unit's numbers in one table, and the coverage list
 * of scanned hosts that no master asset group holds (units must keep their
 * groups complete). Rendered as escaped HTML and as plain text.
 */
import type { MonthFindings } from '../findings/collect.ts';
import { summarize } from '../findings/summary.ts';
import { monthLabel } from './executive-view.ts';
import { escapeHtml as esc } from './kb-text.ts';
import { plural } from './plural.ts';

export interface RollupRow {
  unit: string;
  name: string;
  sev5: number;
  sev4: number;
  sev3: number;
  systems: number;
  overdue: number;
  excluded: number;
  reclassified: number;
}

export interface Rollup {
  subject: string;
  rows: RollupRow[];
  uncovered: { address: string; dns: string; findings: number }[];
  html: string;
  text: string;
}

const UNIT_HEAD = [
  'Unit',
  'Sev 5',
  'Sev 4',
  'Sev 3',
  'Systems',
  'Overdue',
  'Excluded',
  'Reclassified',
];

export function rollup(result: MonthFindings, organization: string): Rollup {
  const rows = result.units.map(({ unit, findings, counts }) => {
    const s = summarize(findings);
    return {
      unit: unit.id,
      name: unit.name,
      sev5: s.bySeverity[5],
      sev4: s.bySeverity[4],
      sev3: s.bySeverity[3],
      systems: s.hostsAffected,
      overdue: s.overdue,
      excluded: counts.excluded,
      reclassified: counts.reclassified,
    };
  });
  const uncovered = result.uncovered
    .map(({ host, findings }) => ({
      address: host.ip ?? host.id,
      dns: host.dns ?? '',
      findings,
    }))
    .sort(
      (a, b) => b.findings - a.findings || a.address.localeCompare(b.address),
    );
  const label = monthLabel(result.month);
  const subject = `${organization} vulnerability roll-up, ${label}`;
  const unitCells = rows.map((r) => [
    `${r.name} (${r.unit})`,
    ...[
      r.sev5,
      r.sev4,
      r.sev3,
      r.systems,
      r.overdue,
      r.excluded,
      r.reclassified,
    ].map(String),
  ]);
  const hostCells = uncovered.map((u) => [
    u.address,
    u.dns,
    String(u.findings),
  ]);
  const coverageLine = coverageSentence(uncovered.length);
  const hostTable =
    hostCells.length === 0
      ? ''
      : table(['Address', 'DNS name', 'Findings'], hostCells);

  const html =
    `<!doctype html><html><head><meta charset="utf-8"><title>${esc(subject)}</title></head><body>` +
    `<h2>${esc(subject)}</h2>${table(UNIT_HEAD, unitCells)}` +
    `<h3>Coverage</h3><p>${esc(coverageLine)}</p>${hostTable}</body></html>\n`;
  const text = [
    subject,
    '',
    ...unitCells.map(
      (c) =>
        `${c[0]}: sev5 ${c[1]}, sev4 ${c[2]}, sev3 ${c[3]}, systems ${c[4]}, overdue ${c[5]}, excluded ${c[6]}, reclassified ${c[7]}`,
    ),
    '',
    'Coverage',
    coverageLine,
    ...uncovered.map(
      (u) =>
        `  ${u.address}${u.dns ? ` (${u.dns})` : ''}: ${plural(u.findings, 'finding')}`,
    ),
    '',
  ].join('\n');
  return { subject, rows, uncovered, html, text };
}

/** The coverage list's lead sentence; with no host left out, the whole of it. */
function coverageSentence(count: number): string {
  if (count === 0) return 'Every scanned host is in a master asset group.';
  if (count === 1) {
    return (
      '1 scanned host is in no master asset group; ' +
      'its unit must add it to a group.'
    );
  }
  return (
    `${count} scanned hosts are in no master asset group; ` +
    'their units must add them to a group.'
  );
}

function table(head: string[], cells: string[][]): string {
  const th = head.map((h) => `<th align="left">${esc(h)}</th>`).join('');
  const tr = cells.map(
    (row) => `<tr>${row.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`,
  );
  return `<table border="1" cellpadding="4" cellspacing="0"><tr>${th}</tr>${tr.join('')}</table>`;
}

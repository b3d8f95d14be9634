/**
 * ISO's roll-up: every unit's numbers in one table, and the coverage list
 * of scanned hosts that no master asset group holds (units must keep their
 * groups complete). Rendered as escaped HTML and as plain text, with both
 * tables attached whole as CSV; the mail body lists the first hosts only.
 */
import type { MailAttachment } from '../delivery/mail.ts';
import type { MonthFindings } from '../findings/collect.ts';
import { summarize } from '../findings/summary.ts';
import { compareAddresses } from '../net/address-order.ts';
import { monthLabel } from './executive-view.ts';
import { escapeHtml as esc } from './kb-text.ts';
import { plural } from '../output/plural.ts';
import {
  type CoverageRow,
  coverageCsv,
  unitCounts,
  type UnitRow,
  unitsCsv,
} from './rollup-csv.ts';

/*
 * How many uncovered hosts the mail body lists. A first month can leave
 * thousands out; past this many the body points to the CSV instead of
 * growing into a message that mail clients clip.
 */
export const LISTED_IN_BODY = 50;

export interface Rollup {
  subject: string;
  rows: UnitRow[];
  uncovered: CoverageRow[];
  html: string;
  text: string;
  attachments: MailAttachment[];
}

const UNIT_HEAD = [
  'Unit',
  'Scanned',
  'Sev 5',
  'Sev 4',
  'Sev 3',
  'Systems',
  'Overdue',
  'Excluded',
  'Reclassified',
];

export function rollup(result: MonthFindings, organization: string): Rollup {
  const rows: UnitRow[] = result.units.map(({ unit, findings, counts }) => {
    const s = summarize(findings);
    return {
      unit: unit.id,
      name: unit.name,
      scanned: counts.hosts,
      sev5: s.bySeverity[5],
      sev4: s.bySeverity[4],
      sev3: s.bySeverity[3],
      systems: s.hostsAffected,
      overdue: s.overdue,
      excluded: counts.excluded,
      reclassified: counts.reclassified,
    };
  });
  const uncovered: CoverageRow[] = result.uncovered
    .map(({ host, findings, inAddressSpace }) => ({
      address: host.ip ?? host.id,
      dns: host.dns ?? '',
      os: host.os ?? '',
      findings,
      inAddressSpace,
    }))
    .sort(
      (a, b) =>
        b.findings - a.findings || compareAddresses(a.address, b.address),
    );
  const attachments = [unitsCsv(result.month, rows)];
  if (uncovered.length > 0) {
    attachments.push(coverageCsv(result.month, uncovered));
  }
  const listed = uncovered.slice(0, LISTED_IN_BODY);
  const more = moreSentence(uncovered.length - listed.length, result.month);
  const label = monthLabel(result.month);
  const subject = `${organization} vulnerability roll-up, ${label}`;
  const unitCells = rows.map((r) => [
    `${r.name} (${r.unit})`,
    ...unitCounts(r).map(String),
  ]);
  const hostCells = listed.map((u) => [
    u.address,
    u.dns,
    String(u.findings),
    u.inAddressSpace ? 'yes' : 'no',
  ]);
  const coverageLine = [
    coverageSentence(uncovered.length),
    outsideSentence(uncovered.filter((u) => !u.inAddressSpace).length),
  ]
    .filter(Boolean)
    .join(' ');
  const hostTable =
    hostCells.length === 0
      ? ''
      : table(
          ['Address', 'DNS name', 'Findings', 'In address space'],
          hostCells,
        );

  const html =
    `<!doctype html><html><head><meta charset="utf-8"><title>${esc(subject)}</title></head><body>` +
    `<h2>${esc(subject)}</h2>${table(UNIT_HEAD, unitCells)}` +
    `<h3>Coverage</h3><p>${esc(coverageLine)}</p>${hostTable}` +
    (more ? `<p>${esc(more)}</p>` : '') +
    '</body></html>\n';
  const text = [
    subject,
    '',
    ...unitCells.map(
      (c) =>
        `${c[0]}: scanned ${c[1]}, sev5 ${c[2]}, sev4 ${c[3]}, sev3 ${c[4]}, ` +
        `systems ${c[5]}, overdue ${c[6]}, excluded ${c[7]}, ` +
        `reclassified ${c[8]}`,
    ),
    '',
    'Coverage',
    coverageLine,
    ...listed.map(
      (u) =>
        `  ${u.address}${u.dns ? ` (${u.dns})` : ''}: ` +
        plural(u.findings, 'finding') +
        (u.inAddressSpace ? '' : ', outside the address space'),
    ),
    ...(more ? [more] : []),
    '',
  ].join('\n');
  return { subject, rows, uncovered, html, text, attachments };
}

/** Where the hosts the body leaves out are; empty when none is. */
function moreSentence(left: number, month: string): string {
  if (left <= 0) return '';
  return (
    `${plural(left, 'more host')} in the attached coverage-${month}.csv, ` +
    'which lists them all.'
  );
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

/*
 * A host outside the address space is no unit's to add: either a scan
 * reached beyond the university, or the space in policy/program.yaml lacks
 * a block. Said apart, so ISO does not chase units for it.
 */
function outsideSentence(count: number): string {
  if (count === 0) return '';
  const which =
    count === 1
      ? '1 of them is outside the address space'
      : `${count} of them are outside the address space`;
  return (
    `${which} in policy/program.yaml: check the scan's targets, ` +
    'or ask governance to add the block.'
  );
}

function table(head: string[], cells: string[][]): string {
  const th = head.map((h) => `<th align="left">${esc(h)}</th>`).join('');
  const tr = cells.map(
    (row) => `<tr>${row.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`,
  );
  return `<table border="1" cellpadding="4" cellspacing="0"><tr>${th}</tr>${tr.join('')}</table>`;
}

/**
 * The sys-admin report as a PDF: a summary, then each vulnerability with
 * its KnowledgeBase text (rendered as plain text) and the hosts it is on,
 * then the rules applied. The creation date is the month's end, so the same
 * findings always give the same bytes.
 */
import PDFDocument from 'pdfkit';

import type {
  FilterCounts,
  Finding,
  Vulnerability,
} from '../findings/model.ts';
import { summarize } from '../findings/summary.ts';
import { compareAddresses } from '../net/address-order.ts';
import { kbText } from './kb-text.ts';
import { monthLabel } from './executive-view.ts';
import { plural } from '../output/plural.ts';
import { type RulesApplied, rulesLines } from './rules-applied.ts';

export interface SysadminInput {
  organization: string;
  audience: string;
  month: string;
  /** YYYY-MM-DD, the reported month's last day. */
  monthEnd: string;
  findings: Finding[];
  counts: FilterCounts;
  vulnerabilities: Map<number, Vulnerability>;
  rules: RulesApplied;
}

interface Group {
  qid: number;
  severity: number;
  originalSeverity?: number;
  findings: Finding[];
}

function byVulnerability(findings: Finding[]): Group[] {
  const groups = new Map<number, Group>();
  for (const f of findings) {
    const group = groups.get(f.qid) ?? {
      qid: f.qid,
      severity: f.severity,
      originalSeverity: f.originalSeverity,
      findings: [],
    };
    // The highest reported severity, as the executive report shows it.
    group.severity = Math.max(group.severity, f.severity);
    group.findings.push(f);
    groups.set(f.qid, group);
  }
  for (const group of groups.values()) group.findings.sort(hostOrder);
  return [...groups.values()].sort(
    (a, b) =>
      b.severity - a.severity ||
      b.findings.length - a.findings.length ||
      a.qid - b.qid,
  );
}

/** A sys-admin looks a host up by address: address order, then port. */
function hostOrder(a: Finding, b: Finding): number {
  return (
    compareAddresses(a.host.ip ?? a.host.id, b.host.ip ?? b.host.id) ||
    (a.port ?? 0) - (b.port ?? 0)
  );
}

/** Standard PDF fonts speak WinAnsi; other characters become "?". */
function safe(text: string): string {
  return text
    .replace(/•/g, '-')
    .replace(/…/g, '...')
    .replace(/[^\x09\x0a\x0d\x20-\x7e\xa0-\xff]/g, '?');
}

function hostLine(f: Finding): string {
  const port =
    f.port === undefined
      ? ''
      : `port ${f.port}${f.protocol ? `/${f.protocol}` : ''}`;
  const parts = [
    f.host.ip ?? f.host.id,
    f.host.dns,
    f.host.os,
    port,
    f.firstFound ? `first found ${f.firstFound.slice(0, 10)}` : undefined,
    f.dueDate ? `due ${f.dueDate}` : undefined,
    f.daysOverdue > 0 ? `${plural(f.daysOverdue, 'day')} overdue` : undefined,
  ];
  return parts.filter((p) => p !== undefined && p !== '').join(' | ');
}

/** Renders the PDF. Resolves with its bytes. */
export function sysadminPdf(input: SysadminInput): Promise<Buffer> {
  const creation = new Date(`${input.monthEnd}T23:59:59Z`);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: {
      Title: safe(
        `Sys-admin vulnerability report, ${input.audience}, ${input.month}`,
      ),
      Author: safe(input.organization),
      Creator: 'vmgov',
      Producer: 'vmgov',
      CreationDate: creation,
      ModDate: creation,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const summary = summarize(input.findings);
  doc
    .fontSize(16)
    .text(safe(`Sys-admin vulnerability report: ${input.audience}`));
  doc
    .fontSize(10)
    .text(safe(`${input.organization}, ${monthLabel(input.month)}`))
    .moveDown();
  doc.fontSize(12).text('Summary');
  doc.fontSize(10);
  for (const level of [5, 4, 3] as const) {
    doc.text(`Severity ${level}: ${summary.bySeverity[level]}`);
  }
  doc.text(
    `Confirmed vulnerabilities: ${summary.total} on ${plural(summary.hostsAffected, 'system')}`,
  );
  doc.text(
    `Past the remediation deadline on ${input.monthEnd}: ${summary.overdue}`,
  );
  doc.text(`Left out by ISO excluded QIDs: ${input.counts.excluded}`);
  doc
    .text(`Reclassified by governance: ${input.counts.reclassified}`)
    .moveDown();

  for (const group of byVulnerability(input.findings)) {
    const vuln = input.vulnerabilities.get(group.qid);
    const was =
      group.originalSeverity === undefined
        ? ''
        : ` (reclassified from ${group.originalSeverity})`;
    doc
      .fontSize(12)
      .text(
        safe(
          `Severity ${group.severity}${was}, QID ${group.qid}: ${vuln?.title ?? 'unknown title'}`,
        ),
      );
    doc.fontSize(9);
    if (vuln?.category) doc.text(safe(`Category: ${vuln.category}`));
    doc.text(
      `CVEs: ${vuln && vuln.cves.length > 0 ? vuln.cves.join(', ') : 'none'}`,
    );
    for (const [label, html] of [
      ['Threat', vuln?.threat],
      ['Impact', vuln?.impact],
      ['Solution', vuln?.solution],
    ] as const) {
      doc
        .font('Helvetica-Bold')
        .text(label)
        .font('Helvetica')
        .text(safe(kbText(html) || 'not given'));
    }
    doc
      .font('Helvetica-Bold')
      .text(`Hosts (${group.findings.length})`)
      .font('Helvetica');
    // One text call for all host lines: pdfkit's line wrapping per call is
    // what makes large reports slow.
    const lines = group.findings.flatMap((f) =>
      f.evidence ? [hostLine(f), `    evidence: ${f.evidence}`] : [hostLine(f)],
    );
    doc.text(safe(lines.join('\n')));
    doc.moveDown();
  }

  doc.fontSize(12).text('Appendix: rules applied');
  doc.fontSize(9);
  for (const line of rulesLines(input.rules)) doc.text(safe(line));
  doc.end();
  return done;
}

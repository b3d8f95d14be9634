/**
 * What the executive report says, worked out once as plain text values so
 * the HTML and the plain-text renderings cannot disagree.
 */
import type { UnitCounts } from '../delivery/history.ts';
import type { FindingsSummary } from '../findings/summary.ts';
import type { FilterCounts, Vulnerability } from '../findings/model.ts';
import { plural, signedPlural } from '../output/plural.ts';

export interface ExecutiveInput {
  organization: string;
  /** Who the report is about: a unit's name, or a sub-group's. */
  audience: string;
  month: string;
  summary: FindingsSummary;
  counts: FilterCounts;
  vulnerabilities: Map<number, Vulnerability>;
  /** Last month's counts, from the history in the state store. */
  previous?: UnitCounts;
  /** Name of the attached sys-admin PDF, when there is one. */
  attachment?: string;
}

export interface ExecutiveView {
  subject: string;
  heading: string;
  monthLabel: string;
  severities: { label: string; count: number; change?: string }[];
  totalLine: string;
  changeLine?: string;
  overdueLine: string;
  /** Table cells, and `line` for the plain text. */
  topVulnerabilities: {
    qid: string;
    title: string;
    severity: string;
    hosts: string;
    line: string;
  }[];
  topHosts: { address: string; dns: string; findings: string; line: string }[];
  /** Said instead of both top-five tables when there is no finding. */
  noFindingsLine?: string;
  footnote: string;
  attachmentLine?: string;
}

export function monthLabel(month: string): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat('en-US', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, mon - 1, 1)));
}

/** "+2 since last month", "no change"; a bare "(0)" read as a count. */
function signed(now: number, before: number | undefined): string | undefined {
  if (before === undefined) return undefined;
  const delta = now - before;
  if (delta === 0) return 'no change';
  return `${delta > 0 ? `+${delta}` : String(delta)} since last month`;
}

/*
 * "Nothing open" is said only of systems that were in the data: a unit
 * whose groups no scan reached is not clean, only unseen.
 */
function noFindings(
  total: number,
  hosts: number,
  label: string,
): string | undefined {
  if (total > 0) return undefined;
  if (hosts === 0) {
    return (
      `None of these systems was in the scan data for ${label}, so this ` +
      'report cannot say whether they are clean: check that their master ' +
      'asset groups are scanned.'
    );
  }
  return (
    'No confirmed vulnerability of severity 3, 4 or 5 was open at the end ' +
    `of ${label} on the ${plural(hosts, 'system')} scanned.`
  );
}

export function executiveView(input: ExecutiveInput): ExecutiveView {
  const { summary, previous, counts } = input;
  const label = monthLabel(input.month);
  const severities = ([5, 4, 3] as const).map((level) => ({
    label: `Severity ${level}`,
    count: summary.bySeverity[level],
    change: signed(summary.bySeverity[level], previous?.bySeverity[level]),
  }));

  return {
    subject: `${input.organization} vulnerability report, ${label}: ${input.audience}`,
    heading: `Vulnerability report for ${input.audience}`,
    monthLabel: label,
    severities,
    totalLine:
      `${plural(summary.total, 'confirmed vulnerability', 'confirmed vulnerabilities')}` +
      ` of severity 3, 4 or 5 on ${plural(summary.hostsAffected, 'system')}.`,
    changeLine: previous
      ? 'Change since last month: ' +
        `${signedPlural(summary.total - previous.total, 'vulnerability', 'vulnerabilities')}, ` +
        `${signedPlural(summary.hostsAffected - previous.systems, 'system')}.`
      : undefined,
    overdueLine: `${plural(summary.overdue, 'finding')} past the remediation deadline at the end of ${label}.`,
    topVulnerabilities: summary.topVulnerabilities.map((top) => {
      // The severity is the one reported (after reclassification); the KB's
      // is Qualys's, and a QID may be missing from the KB altogether.
      // A blank KB title counts as missing.
      const title = input.vulnerabilities.get(top.qid)?.title.trim() ?? '';
      const name = `QID ${top.qid} (severity ${top.severity})`;
      return {
        qid: String(top.qid),
        title: title || `QID ${top.qid}`,
        severity: String(top.severity),
        hosts: String(top.hosts),
        line: `${title ? `${name} ${title}` : name}: ${plural(top.hosts, 'system')}`,
      };
    }),
    topHosts: summary.topHosts.map((top) => {
      const address = top.host.ip ?? top.host.id;
      const dns = top.host.dns ?? '';
      return {
        address,
        dns,
        findings: String(top.findings),
        line: `${address}${dns ? ` (${dns})` : ''}: ${plural(top.findings, 'finding')}`,
      };
    }),
    noFindingsLine: noFindings(summary.total, counts.hosts, label),
    footnote:
      `Governance decisions applied: ${plural(counts.excluded, 'finding')} left out ` +
      `(ISO excluded QIDs), ${plural(counts.reclassified, 'finding')} ` +
      `reclassified to another severity.`,
    attachmentLine: input.attachment
      ? `The detailed sys-admin report is attached: ${input.attachment}.`
      : undefined,
  };
}

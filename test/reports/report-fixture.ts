/**
 * Small hand-made findings and KB entries for the report text tests: each
 * test states the hosts, QIDs and severities it is about.
 */
import {
  emptyCounts,
  type Finding,
  type Vulnerability,
} from '../../scripts/findings/model.ts';
import type { Severity } from '../../scripts/policy/model.ts';
import type { ExecutiveInput } from '../../scripts/reports/executive-view.ts';
import { summarize } from '../../scripts/findings/summary.ts';

export interface FindingSpec {
  host: number;
  qid: number;
  severity: Severity;
  originalSeverity?: Severity;
  daysOverdue?: number;
}

/** A finding on host 10.1.0.<host>, named h<host>.example.edu. */
export function finding(spec: FindingSpec): Finding {
  return {
    host: {
      id: String(spec.host),
      ip: `10.1.0.${spec.host}`,
      dns: `h${spec.host}.example.edu`,
    },
    qid: spec.qid,
    severity: spec.severity,
    originalSeverity: spec.originalSeverity,
    status: 'Active',
    firstFound: '2026-10-01T00:00:00Z',
    dueDate: '2026-10-08',
    daysOverdue: spec.daysOverdue ?? 0,
  };
}

export function kbEntry(qid: number, title: string, severity: number) {
  const entry: Vulnerability = { qid, title, severity, cves: [] };
  return [qid, entry] as const;
}

/** The executive input for these findings, October 2026, unit Medicine. */
export function executiveInput(
  findings: Finding[],
  kb: (readonly [number, Vulnerability])[] = [],
  extra: Partial<ExecutiveInput> = {},
): ExecutiveInput {
  return {
    organization: 'Example University',
    audience: 'Medicine',
    month: '2026-10',
    summary: summarize(findings),
    counts: emptyCounts(),
    vulnerabilities: new Map(kb),
    ...extra,
  };
}

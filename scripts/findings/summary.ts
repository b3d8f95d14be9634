/**
 * The numbers a report shows for a set of findings: counts by severity,
 * systems affected, overdue, and the top vulnerabilities and hosts.
 */
import { compareAddresses } from '../net/address-order.ts';
import type { Finding, ScannedHost } from './model.ts';

export interface FindingsSummary {
  total: number;
  bySeverity: Record<3 | 4 | 5, number>;
  hostsAffected: number;
  overdue: number;
  reclassifiedShown: number;
  /**
   * QIDs on most hosts: most hosts first, then the most severe, then lowest
   * QID. The severity is the reported one (after reclassification), the
   * highest if they differ.
   */
  topVulnerabilities: { qid: number; severity: number; hosts: number }[];
  /** Hosts with most findings: most first, then in address order. */
  topHosts: { host: ScannedHost; findings: number }[];
}

const TOP = 5;

export function summarize(findings: Finding[]): FindingsSummary {
  const bySeverity = { 3: 0, 4: 0, 5: 0 };
  const hostsByQid = new Map<number, Set<string>>();
  const severityByQid = new Map<number, number>();
  const perHost = new Map<string, { host: ScannedHost; findings: number }>();
  let overdue = 0;
  let reclassifiedShown = 0;

  for (const f of findings) {
    if (f.severity === 3 || f.severity === 4 || f.severity === 5) {
      bySeverity[f.severity] += 1;
    }
    if (f.daysOverdue > 0) overdue += 1;
    if (f.originalSeverity !== undefined) reclassifiedShown += 1;
    const hosts = hostsByQid.get(f.qid) ?? new Set<string>();
    hosts.add(f.host.id);
    hostsByQid.set(f.qid, hosts);
    severityByQid.set(
      f.qid,
      Math.max(f.severity, severityByQid.get(f.qid) ?? f.severity),
    );
    const entry = perHost.get(f.host.id) ?? { host: f.host, findings: 0 };
    entry.findings += 1;
    perHost.set(f.host.id, entry);
  }

  const topVulnerabilities = [...hostsByQid]
    .map(([qid, hosts]) => ({
      qid,
      severity: severityByQid.get(qid) ?? 0,
      hosts: hosts.size,
    }))
    .sort(
      (a, b) => b.hosts - a.hosts || b.severity - a.severity || a.qid - b.qid,
    )
    .slice(0, TOP);
  const topHosts = [...perHost.values()]
    .sort(
      (a, b) =>
        b.findings - a.findings ||
        compareAddresses(a.host.ip ?? a.host.id, b.host.ip ?? b.host.id),
    )
    .slice(0, TOP);

  return {
    total: findings.length,
    bySeverity,
    hostsAffected: perHost.size,
    overdue,
    reclassifiedShown,
    topVulnerabilities,
    topHosts,
  };
}

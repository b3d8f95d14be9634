/**
 * The findings model every source produces and every report reads: hosts,
 * their detections, and the KnowledgeBase facts of the QIDs seen. Sources
 * stream host batches so a month of detections never sits in memory twice.
 */
import type { Severity } from '../policy/model.ts';

export type DetectionType = 'confirmed' | 'potential' | 'info';
export type DetectionStatus = 'New' | 'Active' | 'Re-Opened' | 'Fixed';

export interface ScannedHost {
  id: string;
  ip?: string;
  dns?: string;
  os?: string;
  netbios?: string;
}

export interface ScannedDetection {
  qid: number;
  type: DetectionType;
  /** Severity as Qualys reports it; undefined until the KB supplies it. */
  severity?: number;
  port?: number;
  protocol?: string;
  status?: DetectionStatus;
  firstFound?: string;
  lastFound?: string;
  results?: string;
  isIgnored: boolean;
  isDisabled: boolean;
}

export interface HostDetections {
  host: ScannedHost;
  detections: ScannedDetection[];
}

/** KnowledgeBase facts; text fields are Qualys HTML, rendered safely later. */
export interface Vulnerability {
  qid: number;
  title: string;
  severity: number;
  category?: string;
  threat?: string;
  impact?: string;
  solution?: string;
  cves: string[];
}

/**
 * Where findings come from. `batches` streams hosts with detections;
 * `vulnerabilities` is asked afterwards for the QIDs that survived the filter.
 */
export interface FindingsSource {
  readonly name: string;
  batches(): AsyncIterable<HostDetections[]>;
  vulnerabilities(qids: number[]): Promise<Map<number, Vulnerability>>;
  /**
   * When the data was produced (YYYY-MM-DD...), once the batches are read:
   * for several files, the oldest. Undefined for the live API, whose data
   * is today's.
   */
  producedOn?(): string | undefined;
  /** Which of the source's files holds that oldest date, for messages. */
  producedIn?(): string | undefined;
}

/** One detection that the policy keeps in the reports. */
export interface Finding {
  host: ScannedHost;
  qid: number;
  severity: Severity;
  /** Set when a reclassification changed the severity. */
  originalSeverity?: Severity;
  port?: number;
  protocol?: string;
  status: 'New' | 'Active' | 'Re-Opened';
  firstFound?: string;
  /** Evidence, already shortened. */
  evidence?: string;
  /** Remediation deadline, YYYY-MM-DD; undefined without a first-found date. */
  dueDate?: string;
  /** Whole days past the deadline at the month's end (0 when not overdue). */
  daysOverdue: number;
  /** Master asset group and sub-group titles, set by the assignment. */
  masterGroup?: string;
  subgroups?: string[];
}

/** What the policy filter left out, for the governance footnote. */
export interface FilterCounts {
  /** Hosts in the data (one each, however many detections they have). */
  hosts: number;
  seen: number;
  kept: number;
  excluded: number;
  reclassified: number;
  notConfirmed: number;
  ignoredOrDisabled: number;
  otherStatus: number;
  otherSeverity: number;
  /** Reportable, but first found after the reported month's end. */
  foundLater: number;
}

export function emptyCounts(): FilterCounts {
  return {
    hosts: 0,
    seen: 0,
    kept: 0,
    excluded: 0,
    reclassified: 0,
    notConfirmed: 0,
    ignoredOrDisabled: 0,
    otherStatus: 0,
    otherSeverity: 0,
    foundLater: 0,
  };
}

/**
 * The report rules of `policy/`: confirmed only, open statuses, the ISO
 * excluded QIDs out, governance reclassifications applied (the original
 * kept), ignored and disabled out, and the program's severities. Every
 * detection left out is counted under one reason.
 */
import type { PolicyModel, Severity } from '../policy/model.ts';
import { deadline } from './deadline.ts';
import type { FilterCounts, Finding, HostDetections } from './model.ts';
import { ownText } from './own-text.ts';

// The statuses reported, as constants: the parsed ones are page text.
const OPEN_STATUS: Partial<Record<string, Finding['status']>> = {
  New: 'New',
  Active: 'Active',
  'Re-Opened': 'Re-Opened',
};
const EVIDENCE_CHARS = 300;

/**
 * A detection the filter cannot judge: no status or severity Qualys uses.
 * Left out quietly, it would give its unit an all-clear it has not earned.
 */
export class UnjudgedDetection extends Error {
  constructor(
    readonly host: string,
    readonly qid: number,
    readonly missing: 'STATUS' | 'SEVERITY',
  ) {
    super(
      missing === 'STATUS'
        ? `host ${host}: QID ${qid} has no STATUS of New, Active, ` +
            'Re-Opened or Fixed'
        : `host ${host}: QID ${qid} has no SEVERITY of 1 to 5`,
    );
    this.name = 'UnjudgedDetection';
  }
}

export interface PolicyFilter {
  /**
   * Findings kept from one host; `counts` is updated in place. Their text
   * is copied, but the host is shared: pass one that owns its text.
   * @throws UnjudgedDetection for a reportable type without a status or
   * severity.
   */
  apply(item: HostDetections, counts: FilterCounts): Finding[];
}

/** Builds the filter for a policy and the reported month's last day. */
export function createPolicyFilter(
  model: PolicyModel,
  monthEnd: string,
): PolicyFilter {
  const excluded = new Set(model.excludedQids.map((d) => d.qid));
  const moves = new Map(
    model.reclassifications.map((r) => [r.qid, { from: r.from, to: r.to }]),
  );
  const severities = new Set<number>(model.program.reports.severities);
  const confirmedOnly = model.program.reports.confirmedOnly;
  const days = model.program.remediationDays;

  return {
    apply(item, counts) {
      const kept: Finding[] = [];
      for (const d of item.detections) {
        counts.seen += 1;
        if (d.isIgnored || d.isDisabled) {
          counts.ignoredOrDisabled += 1;
          continue;
        }
        if (confirmedOnly && d.type !== 'confirmed') {
          counts.notConfirmed += 1;
          continue;
        }
        const where = () => item.host.ip ?? item.host.id;
        if (d.type !== 'info' && d.status === undefined) {
          throw new UnjudgedDetection(where(), d.qid, 'STATUS');
        }
        const status =
          d.status === undefined ? undefined : OPEN_STATUS[d.status];
        if (status === undefined) {
          counts.otherStatus += 1;
          continue;
        }
        if (excluded.has(d.qid)) {
          counts.excluded += 1;
          continue;
        }
        if (!d.severity)
          throw new UnjudgedDetection(where(), d.qid, 'SEVERITY');

        // A reclassification applies while Qualys still rates the QID at
        // the severity governance moved it from.
        const move = moves.get(d.qid);
        const applies = move !== undefined && d.severity === move.from;
        if (applies) counts.reclassified += 1;
        const severity = applies ? move.to : d.severity;
        if (severity === undefined || !severities.has(severity)) {
          counts.otherSeverity += 1;
          continue;
        }

        // The month's report shows what was open at its end; a detection
        // found since did not exist then.
        if (foundAfter(d.firstFound, monthEnd)) {
          counts.foundLater += 1;
          continue;
        }

        const due = deadline(
          d.firstFound,
          days[severity as Severity],
          monthEnd,
        );
        counts.kept += 1;
        kept.push({
          host: item.host,
          qid: d.qid,
          severity: severity as Severity,
          originalSeverity: applies ? move.from : undefined,
          port: d.port,
          protocol: ownText(d.protocol),
          status,
          firstFound: ownText(d.firstFound),
          evidence: ownText(shorten(d.results)),
          dueDate: due.dueDate,
          daysOverdue: due.daysOverdue,
        });
      }
      return kept;
    },
  };
}

function shorten(results: string | undefined): string | undefined {
  if (results === undefined) return undefined;
  const flat = results.replace(/\s+/g, ' ').trim();
  if (flat.length <= EVIDENCE_CHARS) return flat;
  return `${flat.slice(0, EVIDENCE_CHARS - 1)}…`;
}

const DAY = /^\d{4}-\d{2}-\d{2}/;

/** False for a date that is not one: it says nothing about the month. */
function foundAfter(firstFound: string | undefined, monthEnd: string) {
  return firstFound !== undefined && DAY.test(firstFound)
    ? firstFound.slice(0, 10) > monthEnd
    : false;
}

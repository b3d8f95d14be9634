/**
 * The governance entries that carry a decision and a review date, in one
 * list: excluded QIDs, reclassifications and Exclude-from-Scan entries.
 */
import type { Location, PolicyModel } from '../model.ts';

export interface DatedEntry {
  label: string;
  decidedOn: string;
  /** The key the decision date is written under. */
  decidedKey: 'decided_on' | 'added_on';
  reviewBy: string;
  fields: Record<string, string>;
  at: Location;
  fieldsAt: Record<string, Location>;
}

export function datedEntries(model: PolicyModel): DatedEntry[] {
  const decisions = [
    ...model.excludedQids.map((d) => ({ d, kind: 'exclusion' })),
    ...model.reclassifications.map((d) => ({ d, kind: 'reclassification' })),
  ].map(({ d, kind }) => ({
    label: `${kind} of QID ${d.qid}`,
    decidedOn: d.decidedOn,
    decidedKey: 'decided_on' as const,
    reviewBy: d.reviewBy,
    fields: { rationale: d.rationale, decision: d.decision },
    at: d.at,
    fieldsAt: d.fieldsAt ?? {},
  }));
  const scans = model.scanning.excludeFromScan.map((e) => ({
    label: `Exclude-from-Scan entry ${e.ranges.map((r) => r.text).join(', ')}`,
    decidedOn: e.addedOn,
    decidedKey: 'added_on' as const,
    reviewBy: e.reviewBy,
    fields: { reason: e.reason, ticket: e.ticket },
    at: e.at,
    fieldsAt: e.fieldsAt ?? {},
  }));
  return [...decisions, ...scans];
}

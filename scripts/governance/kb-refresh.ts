/**
 * The KB refresh: the snapshot rewritten from Qualys for exactly the QIDs
 * the policy names, in QID order. A watched fact that changed after the
 * latest decision on its QID is kept in `changed` until governance
 * re-decides (a newer decided_on), which the kb-changed rule reports.
 */
import type { PolicyModel } from '../policy/model.ts';
import type { KbVuln } from '../qualys/types.ts';
import {
  changedFacts,
  entryFromKb,
  type FactChange,
  type SnapshotEntry,
} from './kb-facts.ts';

export interface KbRefreshResult {
  entries: SnapshotEntry[];
  /** New changes seen by this refresh. */
  changes: {
    qid: number;
    fact: string;
    previous: string | number;
    current: string | number;
  }[];
  /** QIDs the policy names that Qualys did not return: kept as they were. */
  missing: number[];
  /** QIDs dropped from the snapshot because the policy no longer names them. */
  dropped: number[];
}

/** Every QID the policy names, ascending. */
export function policyQids(model: PolicyModel): number[] {
  const qids = new Set<number>([
    ...model.excludedQids.map((d) => d.qid),
    ...model.reclassifications.map((d) => d.qid),
    ...model.neverIgnore.map((d) => d.qid),
  ]);
  return [...qids].sort((a, b) => a - b);
}

/** The newest decided_on per QID among exclusions and reclassifications. */
export function latestDecisions(model: PolicyModel): Map<number, string> {
  const latest = new Map<number, string>();
  for (const d of [...model.excludedQids, ...model.reclassifications]) {
    const seen = latest.get(d.qid);
    if (seen === undefined || d.decidedOn > seen)
      latest.set(d.qid, d.decidedOn);
  }
  return latest;
}

export function refreshEntries(
  model: PolicyModel,
  previous: readonly SnapshotEntry[],
  vulns: readonly KbVuln[],
  today: string,
): KbRefreshResult {
  const before = new Map(previous.map((e) => [e.qid, e]));
  const fetched = new Map(vulns.map((v) => [v.qid, v]));
  const decided = latestDecisions(model);
  const wanted = policyQids(model);
  const result: KbRefreshResult = {
    entries: [],
    changes: [],
    missing: [],
    dropped: [],
  };

  for (const qid of wanted) {
    const old = before.get(qid);
    const vuln = fetched.get(qid);
    if (!vuln) {
      result.missing.push(qid);
      if (old) result.entries.push(old);
      continue;
    }
    const fresh = keepSource(entryFromKb(vuln, today, old), old);
    const decidedOn = decided.get(qid);
    const changed =
      decidedOn === undefined ? [] : stillOpen(old?.changed, decidedOn);
    if (old && decidedOn !== undefined) {
      for (const fact of changedFacts(old, fresh)) {
        changed.push({ fact, previous: old[fact], detected_on: today });
        result.changes.push({
          qid,
          fact,
          previous: old[fact],
          current: fresh[fact],
        });
      }
    }
    result.entries.push(changed.length > 0 ? { ...fresh, changed } : fresh);
  }
  result.dropped = previous
    .map((e) => e.qid)
    .filter((qid) => !wanted.includes(qid));
  return result;
}

/**
 * An entry a refresh confirmed unchanged keeps its older source line, so a
 * weekly refresh with nothing new changes nothing in the file.
 */
function keepSource(
  fresh: SnapshotEntry,
  old: SnapshotEntry | undefined,
): SnapshotEntry {
  if (!old?.source.startsWith('Qualys KB refresh')) return fresh;
  const same =
    changedFacts(old, fresh).length === 0 &&
    old.vuln_type === fresh.vuln_type &&
    old.patchable === fresh.patchable &&
    old.unconfirmed.length === fresh.unconfirmed.length;
  return same ? { ...fresh, source: old.source } : fresh;
}

/** Earlier changes governance has not re-decided since. */
function stillOpen(
  changes: FactChange[] | undefined,
  decidedOn: string,
): FactChange[] {
  return (changes ?? []).filter((c) => c.detected_on > decidedOn);
}

/** What the refresh pull request says about the facts that changed. */
export function refreshPullRequestBody(
  changes: { qid: number; fact: string; previous: string | number }[],
  today: string,
): string {
  const lines = [
    `The weekly KnowledgeBase refresh of ${today} rewrote \`policy/kb-snapshot.yaml\` from Qualys.`,
    '',
    changes.length === 0
      ? 'No fact a decision relied on changed.'
      : `Facts a decision relied on changed (validate flags each decision with \`kb-changed\` until governance re-decides):`,
    ...changes.map(
      (c) => `- QID ${c.qid}: ${c.fact} (was ${JSON.stringify(c.previous)})`,
    ),
  ];
  return lines.join('\n');
}

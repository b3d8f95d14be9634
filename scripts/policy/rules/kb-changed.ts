/**
 * `kb-changed`: a KB refresh found that Qualys changed a fact (title,
 * severity, category or solution) of a QID after governance decided on it,
 * and wrote the old value under the entry's `changed` list in
 * policy/kb-snapshot.yaml. The decision stands on old facts until governance
 * re-confirms it with a newer decided_on.
 */
import type { Decision, KbFact, Problem } from '../model.ts';
import { error } from '../problem.ts';
import type { Rule } from './rule.ts';

const SNAPSHOT = 'policy/kb-snapshot.yaml';

interface RecordedChange {
  fact: string;
  previous: unknown;
  detected_on: string;
}

export const kbChanged: Rule = {
  ids: ['kb-changed'],
  check({ model, sources }) {
    const changes = recordedChanges(sources.get(SNAPSHOT)?.data);
    if (changes.size === 0) return [];

    const decisions = [
      ...model.excludedQids.map((d) => ({ d, kind: 'exclusion' })),
      ...model.reclassifications.map((d) => ({ d, kind: 'reclassification' })),
    ];
    const problems: Problem[] = [];
    for (const { d, kind } of decisions) {
      for (const change of changes.get(d.qid) ?? []) {
        if (change.detected_on <= d.decidedOn) continue;
        problems.push(flag(d, kind, change, model.kb.get(d.qid)));
      }
    }
    return problems;
  },
};

function flag(
  decision: Decision,
  kind: string,
  change: RecordedChange,
  fact: KbFact | undefined,
): Problem {
  const current = fact
    ? (fact as unknown as Record<string, unknown>)[change.fact]
    : undefined;
  const what =
    change.fact === 'solution'
      ? 'its solution text, which Qualys has rewritten'
      : `its ${change.fact} ${shown(change.previous)}, which Qualys changed to ${shown(current)}`;
  return error(
    'kb-changed',
    decision.fieldsAt?.decided_on ?? decision.at,
    `${kind} of QID ${decision.qid} (decided ${decision.decidedOn}) relied on ${what} (KB refresh ${change.detected_on})`,
    'governance re-confirms the decision on the new facts: update it and set decided_on to the meeting date, or remove the entry',
  );
}

function shown(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function recordedChanges(data: unknown): Map<number, RecordedChange[]> {
  const out = new Map<number, RecordedChange[]>();
  const vulns = (data as { vulns?: unknown } | undefined)?.vulns;
  if (!Array.isArray(vulns)) return out;
  for (const entry of vulns as { qid?: unknown; changed?: unknown }[]) {
    if (typeof entry?.qid !== 'number' || !Array.isArray(entry.changed))
      continue;
    const list = (entry.changed as RecordedChange[]).filter(
      (c) => typeof c?.fact === 'string' && typeof c.detected_on === 'string',
    );
    out.set(entry.qid, list);
  }
  return out;
}

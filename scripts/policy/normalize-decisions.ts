/**
 * Normalizes the governance lists: excluded QIDs, reclassifications,
 * never-ignore QIDs and the KnowledgeBase snapshot.
 */
import type {
  Decision,
  KbFact,
  NeverIgnore,
  Reclassification,
  Severity,
} from './model.ts';
import type { Reader } from './reader.ts';
import { asData, list, strings, text } from './reader.ts';

export function normalizeExcluded(reader: Reader): Decision[] {
  return entries(reader, 'excluded_qids').map(({ data, index }) =>
    decision(reader, 'excluded_qids', index, data),
  );
}

export function normalizeReclassifications(reader: Reader): Reclassification[] {
  return entries(reader, 'reclassifications').map(({ data, index }) => ({
    ...decision(reader, 'reclassifications', index, data),
    from: Number(data.from) as Severity,
    to: Number(data.to) as Severity,
  }));
}

export function normalizeNeverIgnore(reader: Reader): NeverIgnore[] {
  return entries(reader, 'never_ignore').map(({ data, index }) => ({
    qid: Number(data.qid),
    title: text(data.title),
    why: text(data.why),
    at: reader.at(['never_ignore', index]),
    fieldsAt: reader.fieldsAt(['never_ignore', index]),
  }));
}

export function normalizeKb(reader: Reader): Map<number, KbFact> {
  const kb = new Map<number, KbFact>();
  for (const { data, index } of entries(reader, 'vulns')) {
    const fact: KbFact = {
      qid: Number(data.qid),
      title: text(data.title),
      severity: Number(data.severity) as Severity,
      category: text(data.category),
      vulnType: text(data.vuln_type),
      patchable: data.patchable === true,
      solution: text(data.solution),
      unconfirmed: strings(data.unconfirmed),
      at: reader.at(['vulns', index]),
    };
    if (!kb.has(fact.qid)) kb.set(fact.qid, fact);
  }
  return kb;
}

function decision(
  reader: Reader,
  key: string,
  index: number,
  data: Record<string, unknown>,
): Decision {
  return {
    qid: Number(data.qid),
    title: text(data.title),
    rationale: text(data.rationale),
    decidedOn: text(data.decided_on),
    decision: text(data.decision),
    reviewBy: text(data.review_by),
    at: reader.at([key, index]),
    fieldsAt: reader.fieldsAt([key, index]),
  };
}

function entries(
  reader: Reader,
  key: string,
): { data: Record<string, unknown>; index: number }[] {
  return list(reader.root[key]).map((item, index) => ({
    data: asData(item),
    index,
  }));
}

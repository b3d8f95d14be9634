/**
 * One KnowledgeBase snapshot entry as policy/kb-snapshot.yaml writes it,
 * and how a Qualys KB record becomes one. `changed` records a fact Qualys
 * changed after a decision relied on it, until governance re-decides.
 */
import type { KbVuln } from '../qualys/types.ts';

export const WATCHED_FACTS = [
  'title',
  'severity',
  'category',
  'solution',
] as const;
export type WatchedFact = (typeof WATCHED_FACTS)[number];

const VULN_TYPES = [
  'Vulnerability',
  'Potential Vulnerability',
  'Information Gathered',
];

export interface FactChange {
  fact: WatchedFact;
  previous: string | number;
  /** The refresh that saw the change, `YYYY-MM-DD`. */
  detected_on: string;
}

export interface SnapshotEntry {
  qid: number;
  title: string;
  severity: number;
  category: string;
  vuln_type: string;
  patchable: boolean;
  solution: string;
  unconfirmed: string[];
  source: string;
  changed?: FactChange[];
}

/** The snapshot entry for a Qualys KB record; `previous` fills gaps. */
export function entryFromKb(
  vuln: KbVuln,
  today: string,
  previous: SnapshotEntry | undefined,
): SnapshotEntry {
  const unconfirmed: string[] = [];
  let category = vuln.category?.trim();
  if (!category) {
    category = previous?.category ?? 'Unknown';
    unconfirmed.push('category');
  }
  // "Vulnerability or Potential Vulnerability" reads as a confirmed type here.
  const vulnType =
    VULN_TYPES.find((t) => vuln.vulnType.startsWith(t)) ?? 'Vulnerability';

  return {
    qid: vuln.qid,
    title: vuln.title.trim(),
    severity: vuln.severity,
    category,
    vuln_type: vulnType,
    patchable: vuln.patchable,
    solution: plainText(vuln.solution ?? ''),
    unconfirmed,
    source: `Qualys KB refresh ${today}`,
  };
}

/** KB SOLUTION text without HTML tags and entities, on one line. */
export function plainText(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/p>|<\/li>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0*39;|&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Facts that differ, compared as a reader would (spacing and case aside). */
export function changedFacts(
  before: SnapshotEntry,
  after: SnapshotEntry,
): WatchedFact[] {
  return WATCHED_FACTS.filter((fact) => {
    if (before.unconfirmed.includes(fact)) return false;
    return comparable(before[fact]) !== comparable(after[fact]);
  });
}

function comparable(value: string | number): string {
  return String(value).replace(/\s+/g, ' ').trim().toLowerCase();
}

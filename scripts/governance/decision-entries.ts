/**
 * The dated decisions of the policy files, read from the YAML source with
 * the lines each entry spans: the expiry check, the removal pull request and
 * the outcomes page all need to point at (or cut out) the exact entry.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { isMap, isSeq, LineCounter, parseDocument, type YAMLMap } from 'yaml';

import { InputError } from '../errors.ts';

export type DecisionKind = 'exclusion' | 'reclassification' | 'scan-exclusion';

/** Where each kind of decision lives: file and the list key inside it. */
export const DECISION_SOURCES: readonly {
  kind: DecisionKind;
  file: string;
  listKey: string;
}[] = [
  {
    kind: 'exclusion',
    file: 'policy/excluded-qids.yaml',
    listKey: 'excluded_qids',
  },
  {
    kind: 'reclassification',
    file: 'policy/reclassifications.yaml',
    listKey: 'reclassifications',
  },
  {
    kind: 'scan-exclusion',
    file: 'policy/scanning.yaml',
    listKey: 'exclude_from_scan',
  },
];

export interface DecisionEntry {
  kind: DecisionKind;
  /** Repository-relative file. */
  file: string;
  listKey: string;
  /** Position in the list, 0-based. */
  index: number;
  /** What a person reads: `QID 105459 …` or the ranges of a scan exclusion. */
  label: string;
  qid?: number;
  from?: number;
  to?: number;
  unit?: string;
  rationale: string;
  decidedOn: string;
  reviewBy: string;
  /** The governance outcome or ticket the entry cites. */
  reference: string;
  /** 1-based, inclusive. */
  lines: { start: number; end: number };
}

/**
 * Reads every dated decision of the repository at `root`, in file order.
 * @throws InputError when a file is missing (a lost file must not read as
 * "nothing due") or is not valid YAML (file and line named).
 */
export async function readDecisionEntries(
  root: string,
): Promise<DecisionEntry[]> {
  const entries: DecisionEntry[] = [];
  for (const source of DECISION_SOURCES) {
    const text = await readOptional(path.join(root, source.file));
    if (text === undefined) {
      throw new InputError(`${source.file} is missing`, {
        hint: `restore it; with no decisions it holds \`${source.listKey}: []\``,
      });
    }
    entries.push(...parseDecisionEntries(text, source));
  }
  return entries;
}

/** @throws InputError when the text is not valid YAML. */
export function parseDecisionEntries(
  text: string,
  source: { kind: DecisionKind; file: string; listKey: string },
): DecisionEntry[] {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const firstError = doc.errors[0];
  if (firstError) {
    const line = firstError.linePos?.[0].line ?? 1;
    throw new InputError(`${source.file}:${line}: ${firstError.message}`, {
      hint: 'run `vmgov validate` and fix the YAML first',
      cause: firstError,
    });
  }

  const list = doc.get(source.listKey, true);
  if (!isSeq(list)) return [];
  return list.items.flatMap((item, index) => {
    if (!isMap(item) || !item.range) return [];
    const start = counter.linePos(item.range[0]).line;
    const end = counter.linePos(
      Math.max(item.range[0], item.range[1] - 1),
    ).line;
    return [toEntry(item, source, index, { start, end })];
  });
}

function toEntry(
  item: YAMLMap,
  source: { kind: DecisionKind; file: string; listKey: string },
  index: number,
  lines: { start: number; end: number },
): DecisionEntry {
  const value = item.toJSON() as Record<string, unknown>;
  const text = (key: string): string => {
    const raw = value[key];
    return typeof raw === 'string' || typeof raw === 'number'
      ? String(raw)
      : '';
  };
  const num = (key: string): number | undefined =>
    typeof value[key] === 'number' ? value[key] : undefined;
  const qid = num('qid');
  const ranges = Array.isArray(value.ranges) ? value.ranges.map(String) : [];
  const label =
    source.kind === 'scan-exclusion'
      ? `${ranges.join(', ')} (${text('unit')})`
      : `QID ${qid ?? '?'} ${text('title')}`.trim();

  return {
    kind: source.kind,
    file: source.file,
    listKey: source.listKey,
    index,
    label,
    qid,
    from: num('from'),
    to: num('to'),
    unit: source.kind === 'scan-exclusion' ? text('unit') : undefined,
    rationale: text(source.kind === 'scan-exclusion' ? 'reason' : 'rationale'),
    decidedOn: text(
      source.kind === 'scan-exclusion' ? 'added_on' : 'decided_on',
    ),
    reviewBy: text('review_by'),
    reference: text(source.kind === 'scan-exclusion' ? 'ticket' : 'decision'),
    lines,
  };
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

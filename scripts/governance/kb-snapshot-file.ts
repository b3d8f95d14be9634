/**
 * Reads and writes policy/kb-snapshot.yaml. Writing is deterministic: the
 * file's header comment (with its schema line) is kept, entries come in QID
 * order with fixed key order, long texts folded at the same width.
 */
import {
  Document,
  isMap,
  isSeq,
  parseDocument,
  Scalar,
  type YAMLMap,
} from 'yaml';

import { InputError } from '../errors.ts';
import type { SnapshotEntry } from './kb-facts.ts';

export const SNAPSHOT_FILE = 'policy/kb-snapshot.yaml';
const DEFAULT_HEADER =
  ' yaml-language-server: $schema=../schemas/kb-snapshot.schema.json';
const KEY_ORDER = [
  'qid',
  'title',
  'severity',
  'category',
  'vuln_type',
  'patchable',
  'solution',
  'unconfirmed',
  'source',
  'changed',
] as const;

export interface SnapshotFile {
  /** The comment above `vulns:`, without the `#` marks. */
  header: string;
  entries: SnapshotEntry[];
  /** Comment lines above an entry, by QID. */
  comments: Map<number, string>;
}

/** @throws InputError when the text is not valid YAML. */
export function parseSnapshot(text: string | undefined): SnapshotFile {
  if (text === undefined)
    return { header: DEFAULT_HEADER, entries: [], comments: new Map() };
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    throw new InputError(
      `${SNAPSHOT_FILE}: ${doc.errors[0]?.message ?? 'invalid YAML'}`,
      {
        hint: 'run `vmgov validate`, fix the file, then refresh again',
      },
    );
  }

  const seq = doc.get('vulns', true);
  const entries: SnapshotEntry[] = [];
  const comments = new Map<number, string>();
  if (isSeq(seq)) {
    seq.items.forEach((item, index) => {
      if (!isMap(item)) return;
      const entry = item.toJSON() as SnapshotEntry;
      entries.push(entry);
      const comment =
        item.commentBefore ?? (index === 0 ? seq.commentBefore : undefined);
      if (comment) comments.set(entry.qid, comment);
    });
  }
  return { header: doc.commentBefore ?? DEFAULT_HEADER, entries, comments };
}

export function renderSnapshot(file: SnapshotFile): string {
  const sorted = [...file.entries].sort((a, b) => a.qid - b.qid);
  const doc = new Document({ vulns: sorted.map(ordered) });
  doc.commentBefore = file.header;

  const seq = doc.get('vulns', true);
  if (isSeq(seq)) {
    seq.items.forEach((item, index) => {
      const entry = sorted[index];
      if (isMap(item))
        styleEntry(item, index > 0, file.comments.get(entry.qid));
    });
  }
  // TODO(#6): a title longer than the width folds onto a second plain line;
  // valid YAML, but unlike the hand-written file.
  return doc.toString({ lineWidth: 78, flowCollectionPadding: false });
}

function ordered(entry: SnapshotEntry): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of KEY_ORDER) {
    if (entry[key] !== undefined) out[key] = entry[key];
  }
  return out;
}

function styleEntry(
  item: YAMLMap,
  spaced: boolean,
  comment: string | undefined,
): void {
  item.spaceBefore = spaced;
  if (comment) item.commentBefore = comment;
  const solution = item.get('solution', true);
  if (solution instanceof Scalar && String(solution.value).length > 60) {
    solution.type = Scalar.BLOCK_FOLDED;
  }
  const unconfirmed = item.get('unconfirmed', true);
  if (isSeq(unconfirmed)) unconfirmed.flow = true;
}

/**
 * Cuts entries out of a policy file. The `yaml` Document API finds where
 * each list item starts and ends; the cut is made on the source lines, so
 * every comment, blank line, quote and folded text that stays is untouched.
 */
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
} from 'yaml';

import { InputError } from '../errors.ts';

/**
 * Returns `text` without the items at `indexes` of the top-level list under
 * `listKey`; an emptied list becomes `listKey: []`.
 * @throws InputError when the text is not YAML or has no such list.
 */
export function removeListItems(
  text: string,
  file: string,
  listKey: string,
  indexes: readonly number[],
): string {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const spans = itemSpans(doc, counter, file, listKey);
  const remove = new Set(indexes.filter((i) => i >= 0 && i < spans.length));
  if (remove.size === 0) return text;

  const lines = text.split('\n');
  const cut = new Set<number>();
  for (const index of remove) {
    const span = spans[index];
    for (let line = span.start; line <= span.end; line += 1) cut.add(line);
  }
  // Blank lines left at the head of the list, or doubled, go with the cut.
  for (let line = 1; line <= lines.length; line += 1) {
    if (!cut.has(line - 1) || cut.has(line) || (lines[line - 1] ?? '').trim())
      continue;
    const before = lastKept(lines, cut, line - 1);
    if (
      before === undefined ||
      before.trim() === '' ||
      before.trimEnd().endsWith(':')
    ) {
      cut.add(line);
    }
  }
  let kept = lines.filter((_, i) => !cut.has(i + 1));
  if (remove.size === spans.length) kept = emptyList(kept, listKey);
  const out = kept.join('\n');

  const check = parseDocument(out);
  const after = check.get(listKey, true);
  if (
    check.errors.length > 0 ||
    !isSeq(after) ||
    after.items.length !== spans.length - remove.size
  ) {
    throw new Error(
      `removing entries from ${file} produced an unexpected document`,
    );
  }
  return out;
}

/**
 * Line spans (1-based, inclusive) per item. An item owns the comment and
 * blank lines above it, back to the end of the item before (or the key).
 */
function itemSpans(
  doc: Document,
  counter: LineCounter,
  file: string,
  listKey: string,
): { start: number; end: number }[] {
  if (doc.errors.length > 0) {
    throw new InputError(
      `${file}: ${doc.errors[0]?.message ?? 'invalid YAML'}`,
      {
        hint: 'run `vmgov validate` and fix the YAML first',
      },
    );
  }
  const list = doc.get(listKey, true);
  if (!isSeq(list)) {
    throw new InputError(
      `${file}: no \`${listKey}\` list to remove entries from`,
      {
        hint: `the file must have a top-level \`${listKey}:\` list`,
      },
    );
  }

  const keyLine = topLevelKeyLine(doc, counter, listKey);
  const bounds = list.items.map((item) => {
    const range = (item as { range?: [number, number, number] }).range ?? [
      0, 0, 0,
    ];
    return {
      first: counter.linePos(range[0]).line,
      last: counter.linePos(Math.max(range[0], range[1] - 1)).line,
    };
  });
  return bounds.map((bound, i) => ({
    start: i === 0 ? keyLine + 1 : (bounds[i - 1]?.last ?? 0) + 1,
    end: bound.last,
  }));
}

function topLevelKeyLine(
  doc: Document,
  counter: LineCounter,
  listKey: string,
): number {
  const contents = doc.contents;
  if (!isMap(contents)) return 0;
  const pair = contents.items.find(
    (item) => isScalar(item.key) && item.key.value === listKey,
  );
  const keyNode = pair?.key as { range?: [number, number, number] } | undefined;
  return counter.linePos(keyNode?.range?.[0] ?? 0).line;
}

function lastKept(
  lines: string[],
  cut: Set<number>,
  from: number,
): string | undefined {
  for (let line = from; line >= 1; line -= 1) {
    if (!cut.has(line)) return lines[line - 1];
  }
  return undefined;
}

function emptyList(lines: string[], listKey: string): string[] {
  const pattern = new RegExp(`^${listKey}:\\s*(#.*)?$`);
  return lines.map((line) => (pattern.test(line) ? `${listKey}: []` : line));
}

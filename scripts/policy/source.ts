/**
 * A parsed YAML file that remembers where every value was written, so any
 * later stage can turn a path (`master_asset_groups/0/ranges/2`) back into
 * a line and column.
 */
import { isMap, isNode, isPair, isScalar, isSeq } from 'yaml';
import type { Document, LineCounter, Node } from 'yaml';

import type { FileKind } from './files.ts';
import type { Location } from './model.ts';

export type PathSegment = string | number;

export interface SourceFile {
  file: string;
  kind: FileKind;
  doc: Document.Parsed;
  lines: LineCounter;
  data: unknown;
}

export function locationAt(source: SourceFile, offset: number): Location {
  const { line, col } = source.lines.linePos(offset);
  return { file: source.file, line, col };
}

export function nodeLocation(source: SourceFile, node: unknown): Location {
  if (isNode(node) && node.range) return locationAt(source, node.range[0]);
  return { file: source.file, line: 1, col: 1 };
}

/**
 * The location of the deepest node that exists along `path`: a missing key
 * is reported on the map that should hold it.
 */
export function locate(source: SourceFile, path: PathSegment[]): Location {
  let node: unknown = source.doc.contents;
  let found = node;
  for (const segment of path) {
    node = child(node, segment);
    if (node === undefined) break;
    found = node;
  }
  return nodeLocation(source, found);
}

/** The location of a key itself (`scaner:`), for unknown-key errors. */
export function locateKey(
  source: SourceFile,
  path: PathSegment[],
  key: string,
): Location {
  let node: unknown = source.doc.contents;
  for (const segment of path) node = child(node, segment);
  if (isMap(node)) {
    const pair = node.items.find((item) => keyText(item.key) === key);
    if (pair && isNode(pair.key)) return nodeLocation(source, pair.key);
  }
  return locate(source, path);
}

function child(node: unknown, segment: PathSegment): unknown {
  if (isSeq(node) && typeof segment === 'number') return node.items[segment];
  if (isMap(node)) {
    const pair = node.items.find(
      (item) => keyText(item.key) === String(segment),
    );
    return isPair(pair) ? (pair.value ?? pair.key) : undefined;
  }
  return undefined;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}

export type { Node };

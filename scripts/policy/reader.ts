/**
 * Normalize-stage helper: reads values out of a schema-checked document and
 * remembers where each was written. Range texts are parsed here, and a bad
 * range becomes a `range-syntax` problem on its own line.
 */
import { isMap, isScalar, isSeq } from 'yaml';

import { RangeSyntaxError, parseRange } from '../net/address.ts';
import { AddressSet } from '../net/address-set.ts';
import type { LocatedRange, Location, Problem } from './model.ts';
import { error } from './problem.ts';
import {
  type PathSegment,
  type SourceFile,
  locate,
  nodeLocation,
} from './source.ts';

export type Data = Record<string, unknown>;

export class Reader {
  readonly problems: Problem[] = [];

  constructor(readonly source: SourceFile) {}

  at(path: PathSegment[]): Location {
    return locate(this.source, path);
  }

  /** Where each key's value of the mapping at `path` was written. */
  fieldsAt(path: PathSegment[]): Record<string, Location> {
    const out: Record<string, Location> = {};
    const node = this.source.doc.getIn(path, true);
    if (!isMap(node)) return out;
    for (const pair of node.items) {
      const key = isScalar(pair.key)
        ? String(pair.key.value)
        : String(pair.key);
      out[key] = nodeLocation(this.source, pair.value ?? pair.key);
    }
    return out;
  }

  get root(): Data {
    return asData(this.source.data);
  }

  /** Parses a list of range texts; bad ones are reported and left out. */
  ranges(
    path: PathSegment[],
    value: unknown,
  ): { ranges: LocatedRange[]; set: AddressSet; invalid: number } {
    const ranges: LocatedRange[] = [];
    const texts = list(value);
    // One lookup of the list node, not one walk from the root per item.
    const node = this.source.doc.getIn(path, true);
    const items = isSeq(node) ? node.items : [];
    texts.forEach((text, index) => {
      const item = items[index];
      const at = item ? nodeLocation(this.source, item) : this.at(path);
      try {
        const range = parseRange(String(text)) as LocatedRange;
        range.at = at;
        ranges.push(range);
      } catch (cause) {
        if (!(cause instanceof RangeSyntaxError)) throw cause;
        this.problems.push(
          error('range-syntax', at, cause.message, cause.hint),
        );
      }
    });
    const invalid = texts.length - ranges.length;
    return { ranges, set: AddressSet.from(ranges), invalid };
  }

  /**
   * The list's regular expressions that compile (case-insensitive); each
   * that does not is reported at its line and left out, so validate names
   * it instead of the first review that uses it failing.
   */
  patterns(path: PathSegment[], value: unknown): string[] {
    const node = this.source.doc.getIn(path, true);
    const items = isSeq(node) ? node.items : [];
    return list(value).flatMap((pattern, index) => {
      const item = items[index];
      try {
        new RegExp(String(pattern), 'i');
        return [String(pattern)];
      } catch (cause) {
        const reason = cause instanceof Error ? cause.message : String(cause);
        this.problems.push(
          error(
            'pattern-syntax',
            item ? nodeLocation(this.source, item) : this.at(path),
            `not a regular expression: ${reason.replace(/^Invalid regular expression: /, '')}`,
            'fix the pattern (JavaScript syntax; in single quotes a backslash is written once)',
          ),
        );
        return [];
      }
    });
  }
}

export function asData(value: unknown): Data {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Data)
    : {};
}

export function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

export function strings(value: unknown): string[] {
  return list(value).map(String);
}

export function text(value: unknown, fallback = ''): string {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return JSON.stringify(value) ?? fallback;
}

export function num(value: unknown, fallback: number): number {
  const n = Number(value);
  return value === undefined || Number.isNaN(n) ? fallback : n;
}

/**
 * A set of addresses kept as sorted, merged, disjoint intervals per family.
 * Every range computation of the program (merging a group's ranges, what a
 * sync adds and removes, containment checks) goes through it.
 */
import {
  type AddressRange,
  type Family,
  formatRange,
  parseRange,
  rangeSize,
} from './address.ts';

type Interval = [bigint, bigint];

export class AddressSet {
  private readonly parts: Record<Family, Interval[]>;

  private constructor(v4: Interval[], v6: Interval[]) {
    this.parts = { 4: v4, 6: v6 };
  }

  static empty(): AddressSet {
    return new AddressSet([], []);
  }

  static from(ranges: Iterable<AddressRange>): AddressSet {
    const v4: Interval[] = [];
    const v6: Interval[] = [];
    for (const r of ranges) (r.family === 4 ? v4 : v6).push([r.first, r.last]);
    return new AddressSet(normalize(v4), normalize(v6));
  }

  /** Parses range texts (CIDR, single, a-b); throws RangeSyntaxError. */
  static parse(texts: Iterable<string>): AddressSet {
    return AddressSet.from([...texts].map((t) => parseRange(t)));
  }

  ranges(family?: Family): AddressRange[] {
    const families: Family[] = family ? [family] : [4, 6];
    return families.flatMap((f) =>
      this.parts[f].map(([first, last]) => ({ family: f, first, last })),
    );
  }

  isEmpty(): boolean {
    return this.parts[4].length === 0 && this.parts[6].length === 0;
  }

  size(family?: Family): bigint {
    return this.ranges(family).reduce((sum, r) => sum + rangeSize(r), 0n);
  }

  union(other: AddressSet): AddressSet {
    return new AddressSet(
      normalize([...this.parts[4], ...other.parts[4]]),
      normalize([...this.parts[6], ...other.parts[6]]),
    );
  }

  subtract(other: AddressSet): AddressSet {
    return new AddressSet(
      subtractIntervals(this.parts[4], other.parts[4]),
      subtractIntervals(this.parts[6], other.parts[6]),
    );
  }

  intersect(other: AddressSet): AddressSet {
    return new AddressSet(
      intersectIntervals(this.parts[4], other.parts[4]),
      intersectIntervals(this.parts[6], other.parts[6]),
    );
  }

  contains(family: Family, value: bigint): boolean {
    const list = this.parts[family];
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [first, last] = list[mid];
      if (value < first) hi = mid - 1;
      else if (value > last) lo = mid + 1;
      else return true;
    }
    return false;
  }

  /** True when one interval of the set holds the whole range. */
  containsRange(range: AddressRange): boolean {
    const list = this.parts[range.family];
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [first, last] = list[mid];
      if (range.first < first) hi = mid - 1;
      else if (range.first > last) lo = mid + 1;
      else return range.last <= last;
    }
    return false;
  }

  containsSet(other: AddressSet): boolean {
    return other.subtract(this).isEmpty();
  }

  equals(other: AddressSet): boolean {
    return this.toQualys().join(',') === other.toQualys().join(',');
  }

  /** Qualys list items: `a` or `a-b`, IPv4 first, ascending. */
  toQualys(): string[] {
    return this.ranges().map(formatRange);
  }
}

function normalize(list: Interval[]): Interval[] {
  const sorted = [...list].sort((a, b) =>
    a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0,
  );
  const out: Interval[] = [];
  for (const [first, last] of sorted) {
    const top = out[out.length - 1];
    // Adjacent intervals merge too: 10.0.0.0-10.0.0.9 and 10.0.0.10-… are one.
    if (top && first <= top[1] + 1n) {
      if (last > top[1]) top[1] = last;
    } else {
      out.push([first, last]);
    }
  }
  return out;
}

function subtractIntervals(a: Interval[], b: Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const [first, last] of a) {
    let cursor = first;
    while (j < b.length && b[j][1] < cursor) j += 1;
    let k = j;
    while (k < b.length && b[k][0] <= last) {
      const [bFirst, bLast] = b[k];
      if (bFirst > cursor) out.push([cursor, bFirst - 1n]);
      cursor = bLast + 1n;
      if (cursor > last) break;
      k += 1;
    }
    if (cursor <= last) out.push([cursor, last]);
  }
  return out;
}

function intersectIntervals(a: Interval[], b: Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [aFirst, aLast] = a[i];
    const [bFirst, bLast] = b[j];
    const first = aFirst > bFirst ? aFirst : bFirst;
    const last = aLast < bLast ? aLast : bLast;
    if (first <= last) out.push([first, last]);
    if (aLast < bLast) i += 1;
    else j += 1;
  }
  return out;
}

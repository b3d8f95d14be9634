/**
 * Finds which entries (groups, sub-groups, appliances) cover an address.
 * Built once, queried per host: a sorted array and binary search, so a
 * month's hundred thousand hosts are assigned in milliseconds.
 */
import type { AddressRange, Family } from './address.ts';

interface Entry<T> {
  first: bigint;
  last: bigint;
  value: T;
}

export class RangeIndex<T> {
  private readonly entries: Record<Family, Entry<T>[]>;
  // maxLast[i] is the largest `last` among entries[0..i], so a lookup can
  // stop scanning left once no earlier entry can still reach the address.
  private readonly maxLast: Record<Family, bigint[]>;

  constructor(items: Iterable<{ range: AddressRange; value: T }>) {
    const v4: Entry<T>[] = [];
    const v6: Entry<T>[] = [];
    for (const { range, value } of items) {
      const entry = { first: range.first, last: range.last, value };
      (range.family === 4 ? v4 : v6).push(entry);
    }
    this.entries = { 4: sortEntries(v4), 6: sortEntries(v6) };
    this.maxLast = {
      4: prefixMax(this.entries[4]),
      6: prefixMax(this.entries[6]),
    };
  }

  /** Every value whose range holds the address, in range order. */
  lookup(family: Family, value: bigint): T[] {
    const list = this.entries[family];
    const maxLast = this.maxLast[family];
    let lo = 0;
    let hi = list.length - 1;
    let start = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].first <= value) {
        start = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    const found: T[] = [];
    for (let i = start; i >= 0 && maxLast[i] >= value; i -= 1) {
      const entry = list[i];
      if (entry.last >= value) found.push(entry.value);
    }
    return found.reverse();
  }
}

function sortEntries<T>(list: Entry<T>[]): Entry<T>[] {
  return list.sort((a, b) =>
    a.first < b.first ? -1 : a.first > b.first ? 1 : 0,
  );
}

function prefixMax<T>(list: Entry<T>[]): bigint[] {
  const out: bigint[] = [];
  let max = -1n;
  for (const entry of list) {
    if (entry.last > max) max = entry.last;
    out.push(max);
  }
  return out;
}

/**
 * `range-claimed-twice`: no address belongs to two units. One sweep over the
 * ranges sorted by start keeps the furthest-reaching range so far and the
 * furthest-reaching one of any other unit, so 40,000 ranges cost one sort.
 */
import { formatRange } from '../../net/address.ts';
import type { Problem } from '../model.ts';
import { error, where } from '../problem.ts';
import {
  type RangeEntry,
  sharedBlock,
  sortedEntries,
} from './range-entries.ts';
import type { Rule } from './rule.ts';

export const rangeClaimedTwice: Rule = {
  ids: ['range-claimed-twice'],
  check({ model }) {
    const problems: Problem[] = [];
    for (const list of Object.values(sortedEntries(model))) {
      let top: RangeEntry | undefined;
      // The furthest-reaching entry whose unit differs from top's unit.
      let other: RangeEntry | undefined;
      for (const entry of list) {
        const rival = top && top.unit !== entry.unit ? top : other;
        if (rival && rival.range.last >= entry.range.first)
          problems.push(claimed(rival, entry));

        if (!top || entry.range.last > top.range.last) {
          if (top && top.unit !== entry.unit) other = top;
          top = entry;
        } else if (
          top.unit !== entry.unit &&
          (!other || entry.range.last > other.range.last)
        ) {
          other = entry;
        }
      }
    }
    return problems;
  },
};

function claimed(first: RangeEntry, second: RangeEntry): Problem {
  const block = formatRange(sharedBlock(first.range, second.range));
  return error(
    'range-claimed-twice',
    second.range.at,
    `${block} is claimed by unit "${first.unit}" (${where(first.range.at)}) and unit "${second.unit}" (${where(second.range.at)})`,
    'an address belongs to one unit: remove it from one of the two files',
  );
}

/**
 * `range-overlap-in-unit` (warning): two ranges of one unit share addresses.
 * Harmless for scanning but usually a copy-paste slip, and a group's
 * address count would look larger than it is.
 */
import { formatRange } from '../../net/address.ts';
import type { Problem } from '../model.ts';
import { warning, where } from '../problem.ts';
import {
  type RangeEntry,
  sharedBlock,
  sortedEntries,
} from './range-entries.ts';
import type { Rule } from './rule.ts';

export const rangeOverlapInUnit: Rule = {
  ids: ['range-overlap-in-unit'],
  check({ model }) {
    const problems: Problem[] = [];
    for (const list of Object.values(sortedEntries(model))) {
      // Per unit, the furthest-reaching range seen so far.
      const reach = new Map<string, RangeEntry>();
      for (const entry of list) {
        const previous = reach.get(entry.unit);
        if (previous && previous.range.last >= entry.range.first) {
          const block = formatRange(sharedBlock(previous.range, entry.range));
          problems.push(
            warning(
              'range-overlap-in-unit',
              entry.range.at,
              `${entry.range.text} overlaps ${previous.range.text} (${where(previous.range.at)}) on ${block}`,
              'list each address once in a unit',
            ),
          );
        }
        if (!previous || entry.range.last > previous.range.last)
          reach.set(entry.unit, entry);
      }
    }
    return problems;
  },
};

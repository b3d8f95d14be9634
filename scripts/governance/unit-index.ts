/**
 * Which unit and master asset group an address belongs to, from the
 * policy's master groups; used to list purge candidates and ignored
 * detections by unit.
 */
import { parseAddress, RangeSyntaxError } from '../net/address.ts';
import { RangeIndex } from '../net/range-index.ts';
import type { PolicyModel } from '../policy/model.ts';

export const UNASSIGNED = '(no unit)';

export interface UnitOwner {
  unit: string;
  group: string;
}

export interface UnitLookup {
  ownerOf(address: string | undefined): UnitOwner | undefined;
}

export function unitLookup(model: PolicyModel): UnitLookup {
  const index = new RangeIndex<UnitOwner>(
    model.units.flatMap((unit) =>
      unit.masterAssetGroups.flatMap((group) =>
        group.set.ranges().map((range) => ({
          range,
          value: { unit: unit.id, group: group.title },
        })),
      ),
    ),
  );
  return {
    ownerOf(address) {
      if (!address) return undefined;
      try {
        const { family, value } = parseAddress(address);
        return index.lookup(family, value)[0];
      } catch (error) {
        if (error instanceof RangeSyntaxError) return undefined;
        throw error;
      }
    },
  };
}

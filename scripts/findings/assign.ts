/**
 * Puts each host in its unit, master asset group and sub-group by address,
 * through one interval index over every master group and sub-group range.
 */
import type { AddressRange, Family } from '../net/address.ts';
import { RangeIndex } from '../net/range-index.ts';
import type {
  MasterAssetGroup,
  PolicyModel,
  Subgroup,
  Unit,
} from '../policy/model.ts';

export interface Placement {
  unit: Unit;
  master: MasterAssetGroup;
  /** Every sub-group of the master group that holds the host, in order. */
  subgroups: Subgroup[];
}

type Entry =
  | { kind: 'master'; unit: Unit; master: MasterAssetGroup }
  | { kind: 'sub'; subgroup: Subgroup; master: MasterAssetGroup };

/** A parsed address, as parseAddress returns it. */
export interface Address {
  family: Family;
  value: bigint;
}

export interface Assigner {
  /** The address's place, or undefined when no master group holds it. */
  place(address: Address | undefined): Placement | undefined;
}

export function createAssigner(model: PolicyModel): Assigner {
  const items: { range: AddressRange; value: Entry }[] = [];
  for (const unit of model.units) {
    for (const master of unit.masterAssetGroups) {
      for (const range of master.set.ranges()) {
        items.push({ range, value: { kind: 'master', unit, master } });
      }
      for (const subgroup of master.subgroups) {
        for (const range of subgroup.set.ranges()) {
          items.push({ range, value: { kind: 'sub', subgroup, master } });
        }
      }
    }
  }
  const index = new RangeIndex(items);

  return {
    place(address) {
      if (!address) return undefined;
      const hits = index.lookup(address.family, address.value);
      const owner = hits.find((e) => e.kind === 'master');
      if (owner?.kind !== 'master') return undefined;
      // Sub-groups may overlap (a team's servers inside a building's
      // range), and so may one unit's master groups: a host reaches every
      // sub-group contact of its unit whose range holds it.
      const subgroups = owner.unit.masterAssetGroups
        .flatMap((master) => master.subgroups)
        .filter((subgroup) =>
          hits.some((e) => e.kind === 'sub' && e.subgroup === subgroup),
        );
      return { unit: owner.unit, master: owner.master, subgroups };
    },
  };
}

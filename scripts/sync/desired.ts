/**
 * The desired Qualys state, read off the policy model: every master group,
 * the sub-groups generated from it, and the Exclude-from-Scan list.
 */
import { InputError } from '../errors.ts';
import { AddressSet } from '../net/address-set.ts';
import {
  LOW_INTENSITY_SUBGROUP,
  subgroupTitle,
  type MasterAssetGroup,
  type PolicyModel,
  type Unit,
} from '../policy/model.ts';
import type { Appliance } from '../qualys/types.ts';
import { groupComments } from './marker.ts';
import type { DesiredGroup, DesiredState } from './types.ts';

/**
 * Builds the desired state; scanner names resolve to appliance IDs.
 * @throws InputError listing every scanner name Qualys does not know, with
 *   the file and line that names it.
 */
export function desiredState(
  model: PolicyModel,
  appliances: Appliance[],
): DesiredState {
  const marker = model.program.sync.marker;
  const idByName = new Map(appliances.map((a) => [a.name, a.id]));
  const unknown: string[] = [];
  const groups: DesiredGroup[] = [];

  for (const unit of model.units) {
    for (const master of unit.masterAssetGroups) {
      const applianceId = idByName.get(master.scanner);
      if (applianceId === undefined) {
        const at = master.at;
        unknown.push(
          `${at.file}:${at.line}: scanner "${master.scanner}" of ` +
            `${master.title} is not an appliance in Qualys`,
        );
        continue;
      }
      groups.push(...groupsOf(unit, master, applianceId, marker));
    }
  }

  if (unknown.length > 0) {
    const known = [...idByName.keys()].sort().join(', ') || 'none';
    throw new InputError(unknown.join('\n'), {
      hint: `use one of the appliance names Qualys lists: ${known}`,
    });
  }
  const exclusions = model.scanning.excludeFromScan.reduce(
    (all, entry) => all.union(entry.set),
    AddressSet.empty(),
  );
  return { marker, groups, exclusions };
}

function groupsOf(
  unit: Unit,
  master: MasterAssetGroup,
  applianceId: string,
  marker: string,
): DesiredGroup[] {
  const shared = {
    unit: unit.id,
    applianceIds: [applianceId],
    defaultApplianceId: applianceId,
    businessImpact: master.businessImpact,
    division: unit.id,
  };
  const out: DesiredGroup[] = [
    {
      ...shared,
      title: master.title,
      kind: 'master',
      set: master.set,
      comments: groupComments(marker, unit.id),
    },
  ];
  const generated = master.subgroups.map((s) => ({ name: s.name, set: s.set }));
  // Only a master with low-intensity devices gets that sub-group: an empty
  // asset group would be scanned as nothing and only add noise.
  if (!master.lowIntensitySet.isEmpty()) {
    generated.push({
      name: LOW_INTENSITY_SUBGROUP,
      set: master.lowIntensitySet,
    });
  }
  for (const sub of generated) {
    out.push({
      ...shared,
      title: subgroupTitle(master.title, sub.name),
      kind: 'subgroup',
      master: master.title,
      set: sub.set,
      comments: groupComments(marker, unit.id, master.title),
    });
  }
  return out;
}

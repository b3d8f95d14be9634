/**
 * Who answers for an address: the unit, master group, sub-group, scanner,
 * option profile, Exclude-from-Scan status and contacts, straight from the
 * policy model.
 */
import type { Family } from '../net/address.ts';
import type {
  MasterAssetGroup,
  PolicyModel,
  ScanExclusion,
  Unit,
} from './model.ts';
import { LOW_INTENSITY_SUBGROUP, subgroupTitle } from './model.ts';

export interface WhoisAnswer {
  address: string;
  inAddressSpace: boolean;
  unit?: { id: string; name: string; file: string };
  masterGroup?: string;
  subgroups: string[];
  scanner?: { name: string; area: string };
  optionProfile?: string;
  lowIntensity: boolean;
  excludedFromScan?: { reason: string; ticket: string; reviewBy: string };
  contacts: { executive: string[]; sysadmin: string[] };
  /** Whom to ask when no group covers the address. */
  askInstead: string[];
}

export function whois(
  model: PolicyModel,
  address: { text: string; family: Family; value: bigint },
): WhoisAnswer {
  const { family, value } = address;
  const answer: WhoisAnswer = {
    address: address.text,
    inAddressSpace: model.program.addressSpaceSet.contains(family, value),
    subgroups: [],
    lowIntensity: false,
    contacts: { executive: [], sysadmin: [] },
    askInstead: [
      model.program.governance.team,
      ...model.program.governance.isoRecipients,
    ],
  };
  const exclusion = model.scanning.excludeFromScan.find((e) =>
    e.set.contains(family, value),
  );
  if (exclusion) answer.excludedFromScan = exclusionFacts(exclusion);

  const found = findGroup(model.units, family, value);
  if (!found) return answer;
  const { unit, group } = found;
  const subgroups = group.subgroups.filter((s) =>
    s.set.contains(family, value),
  );
  const low = group.lowIntensitySet.contains(family, value);
  const appliance = model.scanning.appliances.find(
    (a) => a.name === group.scanner,
  );

  answer.unit = { id: unit.id, name: unit.name, file: unit.file };
  answer.masterGroup = group.title;
  answer.subgroups = subgroups.map((s) => s.title);
  if (low)
    answer.subgroups.push(subgroupTitle(group.title, LOW_INTENSITY_SUBGROUP));
  answer.lowIntensity = low;
  answer.scanner = { name: group.scanner, area: appliance?.area ?? 'unknown' };
  answer.optionProfile = low
    ? model.scanning.optionProfiles.lowIntensity
    : model.scanning.optionProfiles.default;
  const subAdmins = subgroups.flatMap((s) => s.sysadmin);
  answer.contacts = {
    executive: unit.contacts.executive,
    sysadmin:
      subAdmins.length > 0 ? [...new Set(subAdmins)] : unit.contacts.sysadmin,
  };
  return answer;
}

function findGroup(
  units: Unit[],
  family: Family,
  value: bigint,
): { unit: Unit; group: MasterAssetGroup } | undefined {
  for (const unit of units) {
    const group = unit.masterAssetGroups.find((g) =>
      g.set.contains(family, value),
    );
    if (group) return { unit, group };
  }
  return undefined;
}

function exclusionFacts(
  entry: ScanExclusion,
): NonNullable<WhoisAnswer['excludedFromScan']> {
  return {
    reason: entry.reason,
    ticket: entry.ticket,
    reviewBy: entry.reviewBy,
  };
}

/**
 * `vmgov import`: the unit YAML for groups a program already has in
 * Qualys, so it can adopt them. Ranges come from each group's IP set,
 * written as CIDR blocks where a range is exactly one.
 */
import { stringify } from 'yaml';

import { InputError } from '../errors.ts';
import type { AddressSet } from '../net/address-set.ts';
import { formatRange, rangeToCidrs } from '../net/address.ts';
import type { Appliance, AssetGroup } from '../qualys/types.ts';
import { currentSet } from './group-fields.ts';

export interface ImportIdentity {
  id: string;
  name: string;
  owners: string[];
  executive: string[];
  sysadmin: string[];
}

const IMPACTS = ['critical', 'high', 'medium', 'low', 'none'];

/**
 * The unit file's text.
 * @throws InputError naming each group that cannot become a master group
 *   (title without `mg-`, no scanner appliance, unreadable IPs).
 */
export function unitYaml(
  identity: ImportIdentity,
  groups: AssetGroup[],
  appliances: Appliance[],
): string {
  const names = new Map(appliances.map((a) => [a.id, a.name]));
  const problems: string[] = [];
  const masters = groups.map((group) => {
    const { set, unreadable } = currentSet(group);
    const applianceId = group.defaultApplianceId ?? group.applianceIds[0];
    const scanner = applianceId ? names.get(applianceId) : undefined;
    if (!group.title.startsWith('mg-'))
      problems.push(
        `${group.title}: a master group title starts with "mg-"; rename it in Qualys first`,
      );
    if (!scanner)
      problems.push(
        `${group.title}: has no scanner appliance Qualys lists; set one in Qualys first`,
      );
    if (unreadable.length > 0)
      problems.push(`${group.title}: cannot read ${unreadable.join(', ')}`);
    if (set.isEmpty()) problems.push(`${group.title}: has no IP addresses`);
    const impact = group.businessImpact?.toLowerCase() ?? '';
    return {
      title: group.title,
      ranges: yamlRanges(set),
      scanner: scanner ?? '',
      business_impact: IMPACTS.includes(impact) ? impact : 'medium',
    };
  });
  if (problems.length > 0) {
    throw new InputError(problems.join('\n'), {
      hint: 'fix the groups in Qualys, or import the others by title',
    });
  }

  const body = stringify({
    id: identity.id,
    name: identity.name,
    owners: identity.owners,
    contacts: { executive: identity.executive, sysadmin: identity.sysadmin },
    master_asset_groups: masters,
  });
  return (
    '# yaml-language-server: $schema=../schemas/unit.schema.json\n' +
    '#\n' +
    `# Imported from Qualys by \`vmgov import\`: ${groups.map((g) => g.title).join(', ')}.\n` +
    '# Check the ranges, add low_intensity devices and sub-groups as needed.\n\n' +
    body
  );
}

function yamlRanges(set: AddressSet): string[] {
  return set.ranges().flatMap((range) => {
    const cidrs = rangeToCidrs(range);
    return cidrs.length === 1 ? cidrs : [formatRange(range)];
  });
}

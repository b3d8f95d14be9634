/**
 * Normalizes one units/<id>.yaml into a Unit: ranges parsed and merged,
 * sub-group titles generated, every item located.
 */
import type {
  BusinessImpact,
  MasterAssetGroup,
  Subgroup,
  Unit,
} from './model.ts';
import { subgroupTitle } from './model.ts';
import type { Reader } from './reader.ts';
import { asData, list, strings, text } from './reader.ts';

export function normalizeUnit(reader: Reader): Unit {
  const data = reader.root;
  const contacts = asData(data.contacts);
  return {
    id: text(data.id),
    name: text(data.name),
    owners: strings(data.owners),
    contacts: {
      executive: strings(contacts.executive),
      sysadmin: strings(contacts.sysadmin),
    },
    masterAssetGroups: list(data.master_asset_groups).map((item, i) =>
      masterGroup(reader, i, asData(item)),
    ),
    file: reader.source.file,
    at: reader.at([]),
    fieldsAt: reader.fieldsAt([]),
  };
}

function masterGroup(
  reader: Reader,
  index: number,
  data: Record<string, unknown>,
): MasterAssetGroup {
  const path = ['master_asset_groups', index];
  const title = text(data.title);
  const ranges = reader.ranges([...path, 'ranges'], data.ranges);
  const low = reader.ranges([...path, 'low_intensity'], data.low_intensity);
  const subgroups: Subgroup[] = list(data.subgroups).map((item, j) => {
    const s = asData(item);
    const subPath = [...path, 'subgroups', j];
    const subRanges = reader.ranges([...subPath, 'ranges'], s.ranges);
    const name = text(s.name);
    return {
      name,
      title: subgroupTitle(title, name),
      ranges: subRanges.ranges,
      set: subRanges.set,
      sysadmin: strings(s.sysadmin),
      at: reader.at(subPath),
    };
  });

  return {
    title,
    ranges: ranges.ranges,
    set: ranges.set,
    scanner: text(data.scanner),
    businessImpact: text(data.business_impact, 'medium') as BusinessImpact,
    lowIntensity: low.ranges,
    lowIntensitySet: low.set,
    subgroups,
    at: reader.at(path),
    fieldsAt: reader.fieldsAt(path),
    hasInvalidRanges: ranges.invalid > 0,
  };
}

/**
 * Normalizes policy/scanning.yaml: option profiles, scanner appliances with
 * the ranges they serve, and the Exclude-from-Scan list.
 */
import type { Appliance, ScanExclusion, Scanning } from './model.ts';
import type { Reader } from './reader.ts';
import { asData, list, text } from './reader.ts';

export const DEFAULT_PROFILE = 'ISO Official 3/4/5 (Site-wide)';
export const LOW_INTENSITY_PROFILE = 'ISO 3/4/5 (special vsys Lower Intensity)';

export function normalizeScanning(reader: Reader): Scanning {
  const data = reader.root;
  const profiles = asData(data.option_profiles);

  const appliances: Appliance[] = list(data.scanner_appliances).map(
    (item, i) => {
      const a = asData(item);
      const path = ['scanner_appliances', i];
      const serves = reader.ranges([...path, 'serves'], a.serves);
      return {
        name: text(a.name),
        area: text(a.area),
        serves: serves.ranges,
        servesSet: serves.set,
        at: reader.at(path),
      };
    },
  );

  const excludeFromScan: ScanExclusion[] = list(data.exclude_from_scan).map(
    (item, i) => {
      const e = asData(item);
      const path = ['exclude_from_scan', i];
      const ranges = reader.ranges([...path, 'ranges'], e.ranges);
      return {
        ranges: ranges.ranges,
        set: ranges.set,
        unit: text(e.unit),
        reason: text(e.reason),
        ticket: text(e.ticket),
        addedOn: text(e.added_on),
        reviewBy: text(e.review_by),
        at: reader.at(path),
        fieldsAt: reader.fieldsAt(path),
      };
    },
  );

  return {
    optionProfiles: {
      default: text(profiles.default, DEFAULT_PROFILE),
      lowIntensity: text(profiles.low_intensity, LOW_INTENSITY_PROFILE),
    },
    appliances,
    excludeFromScan,
  };
}

/**
 * KB customisations (edited severity, disabled QIDs) as a lookup by QID.
 * TODO(#3): whether HLD SEVERITY and KB SEVERITY_LEVEL show the customised
 * severity is not documented; the simulator shows it in both.
 */
import type { SimData, SimKbCustomization } from '../data.ts';

export function customizationsByQid(
  data: SimData,
): Map<number, SimKbCustomization> {
  return new Map(data.customizedKb.map((c) => [c.qid, c]));
}

/**
 * Which hosts a purge removes: those no VM scan has seen for more than
 * `purge.stale_after_days`, checked again here on the date Qualys reports
 * (never trusting the filter alone), minus hosts a recent run already
 * purged and Qualys has not yet dropped.
 */
import { compareAddresses } from '../net/address-order.ts';
import type { PolicyModel } from '../policy/model.ts';
import type { Host } from '../qualys/types.ts';
import { addDays, isIsoDate } from './dates.ts';
import { UNASSIGNED, type UnitLookup } from './unit-index.ts';

export interface PurgeCandidate {
  id: string;
  address: string;
  dns?: string;
  /** `YYYY-MM-DD` of the last VM scan. */
  lastScan: string;
  unit: string;
  group?: string;
}

export interface PurgePlan {
  today: string;
  /** Hosts last scanned before this date are stale. */
  cutoff: string;
  staleAfterDays: number;
  maxHostsPerRun: number;
  candidates: PurgeCandidate[];
  skipped: { host: Host; reason: string }[];
}

/** Candidates sorted by unit, then address, so plans diff cleanly. */
export function planPurge(
  hosts: readonly Host[],
  model: PolicyModel,
  lookup: UnitLookup,
  options: { today: string; recentlyPurged: ReadonlyMap<string, string> },
): PurgePlan {
  const { staleAfterDays, maxHostsPerRun } = model.program.purge;
  const cutoff = addDays(options.today, -staleAfterDays);
  const plan: PurgePlan = {
    today: options.today,
    cutoff,
    staleAfterDays,
    maxHostsPerRun,
    candidates: [],
    skipped: [],
  };

  for (const host of hosts) {
    const lastScan = host.lastVmScannedDate?.slice(0, 10) ?? '';
    const purgedBy = options.recentlyPurged.get(host.id);
    if (purgedBy !== undefined) {
      plan.skipped.push({ host, reason: `already purged by ${purgedBy}` });
    } else if (!isIsoDate(lastScan)) {
      plan.skipped.push({ host, reason: 'no VM scan date' });
    } else if (lastScan >= cutoff) {
      plan.skipped.push({
        host,
        reason: `scanned ${lastScan}, within the limit`,
      });
    } else {
      const address = host.ip ?? host.ipv6 ?? '';
      const owner = lookup.ownerOf(address);
      plan.candidates.push({
        id: host.id,
        address,
        dns: host.dns,
        lastScan,
        unit: owner?.unit ?? UNASSIGNED,
        group: owner?.group,
      });
    }
  }
  plan.candidates.sort(
    (a, b) =>
      a.unit.localeCompare(b.unit) ||
      compareAddresses(a.address, b.address) ||
      a.id.localeCompare(b.id),
  );
  return plan;
}

/** Candidates grouped by unit, in plan order. */
export function candidatesByUnit(
  plan: PurgePlan,
): Map<string, PurgeCandidate[]> {
  const byUnit = new Map<string, PurgeCandidate[]>();
  for (const c of plan.candidates)
    byUnit.set(c.unit, [...(byUnit.get(c.unit) ?? []), c]);
  return byUnit;
}

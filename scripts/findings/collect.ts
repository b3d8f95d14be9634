/**
 * The findings pipeline: stream a source's hosts, place each by address,
 * keep what the policy keeps, then fetch KnowledgeBase facts for the QIDs
 * that remain. Only kept findings stay in memory, with text of their own,
 * so no page outlives its parse.
 */
import { InputError } from '../errors.ts';
import { parseAddress } from '../net/address.ts';
import { log } from '../output/logger.ts';
import type { PolicyModel, Unit } from '../policy/model.ts';
import { type Address, createAssigner } from './assign.ts';
import { monthEndDay } from './deadline.ts';
import {
  emptyCounts,
  type FilterCounts,
  type Finding,
  type FindingsSource,
  type ScannedHost,
  type Vulnerability,
} from './model.ts';
import { ownHost } from './own-text.ts';
import { createPolicyFilter, UnjudgedDetection } from './policy-filter.ts';

export interface UnitFindings {
  unit: Unit;
  findings: Finding[];
  counts: FilterCounts;
  /** The same counts for each sub-group's hosts, by sub-group title. */
  subgroupCounts: Map<string, FilterCounts>;
}

/** A scanned host no master asset group holds, for ISO's coverage list. */
export interface UncoveredHost {
  host: ScannedHost;
  findings: number;
  /**
   * Whether its address is in the program's address space. A host outside
   * it is no unit's to add: the scan reached too far, or the space lacks a
   * block.
   */
  inAddressSpace: boolean;
}

export interface MonthFindings {
  month: string;
  monthEnd: string;
  /** Hosts read from the source, and how many repeated one already read. */
  hosts: number;
  repeatedHosts: number;
  /** When the source's data was produced, if it says. */
  producedOn?: string;
  /** The file that holds that date, when the source has several. */
  producedIn?: string;
  units: UnitFindings[];
  uncovered: UncoveredHost[];
  vulnerabilities: Map<number, Vulnerability>;
  totals: FilterCounts;
}

/**
 * Runs the pipeline for one month (YYYY-MM).
 * @throws whatever the source throws (InputError for bad files, Qualys
 * errors for the live API).
 */
export async function collectFindings(
  source: FindingsSource,
  model: PolicyModel,
  month: string,
): Promise<MonthFindings> {
  const monthEnd = monthEndDay(month);
  const filter = createPolicyFilter(model, monthEnd);
  const assigner = createAssigner(model);
  const byUnit = new Map<string, UnitFindings>(
    model.units.map((unit) => [
      unit.id,
      {
        unit,
        findings: [],
        counts: emptyCounts(),
        subgroupCounts: new Map(),
      },
    ]),
  );
  const uncovered: UncoveredHost[] = [];
  const outside = emptyCounts();
  const qids = new Set<number>();

  const seen = new Set<string>();
  let repeatedHosts = 0;
  for await (const batch of source.batches()) {
    for (const item of batch) {
      // A host listed twice (an export pasted together) would count its
      // findings twice.
      if (seen.has(item.host.id)) {
        repeatedHosts += 1;
        continue;
      }
      const host = ownHost(item.host);
      const address = addressOf(host, source.name);
      seen.add(host.id);
      const place = assigner.place(address);
      const target = place ? byUnit.get(place.unit.id) : undefined;
      const counts = { ...emptyCounts(), hosts: 1 };
      const kept = judged(source.name, () =>
        filter.apply({ host, detections: item.detections }, counts),
      );
      for (const finding of kept) qids.add(finding.qid);
      if (!place || !target) {
        addCounts(outside, counts);
        uncovered.push({
          host,
          findings: kept.length,
          inAddressSpace:
            address !== undefined &&
            model.program.addressSpaceSet.contains(
              address.family,
              address.value,
            ),
        });
        continue;
      }
      addCounts(target.counts, counts);
      for (const subgroup of place.subgroups) {
        addCounts(subgroupCounts(target, subgroup.title), counts);
      }
      const subgroups = place.subgroups.map((s) => s.title);
      for (const finding of kept) {
        finding.masterGroup = place.master.title;
        finding.subgroups = subgroups;
        target.findings.push(finding);
      }
    }
  }
  log.debug('findings collected', { source: source.name, hosts: seen.size });

  const units = [...byUnit.values()];
  const producedOn = source.producedOn?.();
  const producedIn = source.producedIn?.();
  return {
    month,
    monthEnd,
    hosts: seen.size,
    repeatedHosts,
    ...(producedOn === undefined ? {} : { producedOn }),
    ...(producedIn === undefined ? {} : { producedIn }),
    units,
    uncovered,
    vulnerabilities: await source.vulnerabilities(
      [...qids].sort((a, b) => a - b),
    ),
    totals: sumCounts([outside, ...units.map((u) => u.counts)]),
  };
}

/** @throws InputError naming the source for a detection not judged. */
function judged<T>(source: string, apply: () => T): T {
  try {
    return apply();
  } catch (error) {
    if (!(error instanceof UnjudgedDetection)) throw error;
    throw new InputError(`${source}: ${error.message}`, {
      hint:
        'export the data again from Qualys: its findings would drop out ' +
        'of the reports unseen',
      cause: error,
    });
  }
}

/**
 * The host's address, parsed once for placing and the address space;
 * undefined for a host without IP.
 * @throws InputError for an IP that is not an address: Qualys never writes
 * one, and the host could be placed in no group.
 */
function addressOf(host: ScannedHost, source: string): Address | undefined {
  if (!host.ip) return undefined;
  try {
    return parseAddress(host.ip);
  } catch {
    throw new InputError(
      `${source}: host ${host.id} has IP "${host.ip}", not an address`,
      { hint: 'export the data again from Qualys; this file was changed' },
    );
  }
}

function sumCounts(all: FilterCounts[]): FilterCounts {
  const total = emptyCounts();
  for (const counts of all) addCounts(total, counts);
  return total;
}

function addCounts(into: FilterCounts, counts: FilterCounts): void {
  for (const key of Object.keys(into) as (keyof FilterCounts)[]) {
    into[key] += counts[key];
  }
}

function subgroupCounts(unit: UnitFindings, title: string): FilterCounts {
  let counts = unit.subgroupCounts.get(title);
  if (!counts) {
    counts = emptyCounts();
    unit.subgroupCounts.set(title, counts);
  }
  return counts;
}

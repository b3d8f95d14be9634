/**
 * The findings pipeline: stream a source's hosts, place each by address,
 * keep what the policy keeps, then fetch KnowledgeBase facts for the QIDs
 * that remain. Only kept findings stay in memory.
 */
import { log } from '../output/logger.ts';
import type { PolicyModel, Unit } from '../policy/model.ts';
import { createAssigner } from './assign.ts';
import { monthEndDay } from './deadline.ts';
import {
  emptyCounts,
  type FilterCounts,
  type Finding,
  type FindingsSource,
  type ScannedHost,
  type Vulnerability,
} from './model.ts';
import { createPolicyFilter } from './policy-filter.ts';

export interface UnitFindings {
  unit: Unit;
  findings: Finding[];
  counts: FilterCounts;
}

/** A scanned host no master asset group holds, for ISO's coverage list. */
export interface UncoveredHost {
  host: ScannedHost;
  findings: number;
}

export interface MonthFindings {
  month: string;
  monthEnd: string;
  units: UnitFindings[];
  uncovered: UncoveredHost[];
  vulnerabilities: Map<number, Vulnerability>;
  totals: FilterCounts;
}

// TODO(#5): every kept finding stays in memory until rendering, so peak
// memory grows with the findings (1,072 MiB at 20,000 hosts); keep only
// what the reports need per unit, or spill each unit to a file.
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
      { unit, findings: [], counts: emptyCounts() },
    ]),
  );
  const uncovered: UncoveredHost[] = [];
  const outside = emptyCounts();
  const qids = new Set<number>();

  let hosts = 0;
  for await (const batch of source.batches()) {
    for (const item of batch) {
      hosts += 1;
      const place = assigner.place(item.host);
      const target = place ? byUnit.get(place.unit.id) : undefined;
      const kept = filter.apply(item, target?.counts ?? outside);
      for (const finding of kept) qids.add(finding.qid);
      if (!place || !target) {
        uncovered.push({ host: item.host, findings: kept.length });
        continue;
      }
      for (const finding of kept) {
        finding.masterGroup = place.master.title;
        finding.subgroup = place.subgroup?.title;
        target.findings.push(finding);
      }
    }
  }
  log.debug('findings collected', { source: source.name, hosts });

  const units = [...byUnit.values()];
  return {
    month,
    monthEnd,
    units,
    uncovered,
    vulnerabilities: await source.vulnerabilities(
      [...qids].sort((a, b) => a - b),
    ),
    totals: sumCounts([outside, ...units.map((u) => u.counts)]),
  };
}

function sumCounts(all: FilterCounts[]): FilterCounts {
  const total = emptyCounts();
  for (const counts of all) {
    for (const key of Object.keys(total) as (keyof FilterCounts)[]) {
      total[key] += counts[key];
    }
  }
  return total;
}

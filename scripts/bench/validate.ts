/**
 * `npm run bench:validate`: times `loadPolicy` on a generated repository of
 * 2,000 units / 40,000 ranges / 500 policy entries against a bare YAML parse
 * of the same files, then again at double the input. Goals: validate at most
 * 1.5x the bare parse, and at most 2.3x the time when the input doubles.
 */
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { parse } from 'yaml';

import { print } from '../output/print.ts';
import { renderCodeowners } from '../policy/codeowners.ts';
import { loadPolicy } from '../policy/load.ts';
import {
  type BenchSize,
  RANGES_PER_UNIT,
  writeBenchRepository,
} from './bench-repository.ts';

const BASE: BenchSize = { units: 2000, policyEntries: 500 };
// Medians of a few runs: a single lucky or disturbed run on a shared
// machine moves neither the ratio nor the growth.
const RUNS = 5;
const TODAY = '2026-12-03';

interface Timing {
  size: BenchSize;
  validateMs: number;
  bareMs: number;
  /** Median of validate / bare over back-to-back pairs of runs. */
  ratio: number;
}

/**
 * CPU milliseconds (user + system) the run took. CPU time, not wall time,
 * so that other processes sharing the machine do not skew the ratios.
 */
async function cpuTime(run: () => Promise<unknown>): Promise<number> {
  const start = process.cpuUsage();
  await run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function bareParse(root: string, files: string[]): Promise<unknown[]> {
  return Promise.all(
    files.map(
      async (f) => parse(await readFile(join(root, f), 'utf8')) as unknown,
    ),
  );
}

/**
 * Loads once (also the warm-up), writes CODEOWNERS from the model, and
 * throws when anything else is reported: the bench must time valid data.
 */
async function checkClean(root: string): Promise<void> {
  const { model, problems } = await loadPolicy(root, { today: TODAY });
  const others = problems.filter((p) => p.rule !== 'codeowners-stale');
  if (!model || others.length > 0) {
    const shown = others
      .slice(0, 3)
      .map((p) => `${p.at.file}:${p.at.line} ${p.rule} ${p.message}`);
    throw new Error(`generated repository is not clean:\n${shown.join('\n')}`);
  }
  await mkdir(join(root, '.github'), { recursive: true });
  await writeFile(join(root, '.github', 'CODEOWNERS'), renderCodeowners(model));
}

async function measure(size: BenchSize): Promise<Timing> {
  const root = await mkdtemp(join(tmpdir(), 'vmgov-bench-'));
  try {
    const files = await writeBenchRepository(root, size);
    await checkClean(root);
    // Warm-up for the bare parse too, as checkClean is for validate.
    await bareParse(root, files);

    const validateRuns: number[] = [];
    const bareRuns: number[] = [];
    // Each pair runs back to back under the same machine load, so the
    // median of pair ratios moves less than a ratio of two separate minima.
    const ratios: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      // Alternate which goes first, so neither always pays the other's GC.
      const runV = () => cpuTime(() => loadPolicy(root, { today: TODAY }));
      const runB = () => cpuTime(() => bareParse(root, files));
      const [v, b] =
        i % 2 === 0
          ? [await runV(), await runB()]
          : [await runB(), await runV()].reverse();
      validateRuns.push(v);
      bareRuns.push(b);
      ratios.push(v / b);
    }
    return {
      size,
      validateMs: median(validateRuns),
      bareMs: median(bareRuns),
      ratio: median(ratios),
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function describe(t: Timing): string {
  const ranges = t.size.units * RANGES_PER_UNIT;
  return (
    `${t.size.units} units, ${ranges} ranges, ${t.size.policyEntries} entries: ` +
    `validate ${t.validateMs.toFixed(0)} ms CPU, bare parse ${t.bareMs.toFixed(0)} ms CPU (medians), ` +
    `median pair ratio ${t.ratio.toFixed(2)}`
  );
}

const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

const base = await measure(BASE);
print(describe(base));
const doubled = await measure({
  units: BASE.units * 2,
  policyEntries: BASE.policyEntries * 2,
});
print(describe(doubled));

const ratio = base.ratio;
const growth = doubled.validateMs / base.validateMs;
print(
  `validate / bare parse: ${ratio.toFixed(2)} (goal <= 1.5, ${verdict(ratio <= 1.5)})`,
);
print(
  `growth when input doubles: ${growth.toFixed(2)}x (goal <= 2.3x, ${verdict(growth <= 2.3)})`,
);

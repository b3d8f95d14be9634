/**
 * `npm run bench:client`: streams every detection of a large simulated
 * subscription (a simulator in another process) through the client, and
 * compares its throughput with a bare fast-xml-parser parse of the same
 * pages. Runs 50,000 then 100,000 hosts (20 detections each) to show that
 * peak memory stays flat when the input doubles.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

import { print } from '../output/print.ts';
import type { RunResult } from './stream-process.ts';

const here = (name: string): string =>
  fileURLToPath(new URL(name, import.meta.url));

const SIZES = (process.env['VMGOV_BENCH_SIZES'] ?? '50000,100000')
  .split(',')
  .map(Number);
const RATIO_GOAL = 0.6;
const RSS_GOAL_MIB = 512;

function child(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  heapMiB?: number,
): ChildProcess {
  const heap = heapMiB ? [`--max-old-space-size=${heapMiB}`] : [];
  return fork(here(script), args, {
    execArgv: ['--import', 'tsx', ...heap],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/**
 * The child's first IPC message.
 * @throws Error when the child exits before sending one.
 */
function message<T>(process: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    process.once('message', (value) => resolve(value as T));
    process.once('exit', (code) =>
      reject(new Error(`benchmark process exited with code ${code}`)),
    );
  });
}

// A bounded heap makes V8 collect as it goes, so peak RSS shows what a
// run keeps rather than how lazily the collector ran.
const HEAP_MIB = 256;

async function measure(
  mode: 'client' | 'bare',
  target: unknown,
): Promise<RunResult> {
  const run = child(
    'stream-process.ts',
    [mode],
    { VMGOV_BENCH_TARGET: JSON.stringify(target) },
    HEAP_MIB,
  );
  const exited = once(run, 'exit');
  const result = await message<RunResult>(run);
  await exited;
  return result;
}

function line(size: number, mode: string, result: RunResult): string {
  const perSec = Math.round(result.detections / (result.ms / 1000));
  return [
    `${size} hosts`.padEnd(14),
    mode.padEnd(7),
    `${result.hosts} hosts, ${result.detections} detections, ${result.pages} pages`.padEnd(
      46,
    ),
    `${(result.ms / 1000).toFixed(1)} s`.padStart(8),
    `${perSec} det/s`.padStart(14),
    `peak RSS ${result.peakRssMiB.toFixed(0)} MiB`.padStart(20),
  ].join(' ');
}

async function main(): Promise<void> {
  const peaks: number[] = [];
  let worstRatio = Number.POSITIVE_INFINITY;
  for (const size of SIZES) {
    const sim = child('sim-process.ts', [String(size)]);
    const target = await message<unknown>(sim);
    try {
      const bare = await measure('bare', target);
      const client = await measure('client', target);
      const ratio = bare.ms / client.ms;
      worstRatio = Math.min(worstRatio, ratio);
      peaks.push(client.peakRssMiB);
      print(line(size, 'bare', bare));
      print(line(size, 'client', client));
      print(
        `${`${size} hosts`.padEnd(14)} client/bare throughput ratio ${ratio.toFixed(2)} (goal >= ${RATIO_GOAL})`,
      );
    } finally {
      sim.disconnect();
      await once(sim, 'exit');
    }
  }
  const flat =
    peaks.length < 2 || Math.max(...peaks) <= Math.min(...peaks) * 1.25;
  print(`heap of each measured run capped at ${HEAP_MIB} MiB`);
  print(
    `worst ratio ${worstRatio.toFixed(2)} ${worstRatio >= RATIO_GOAL ? 'meets' : 'misses'} the goal of ${RATIO_GOAL}`,
  );
  print(
    `client peak RSS ${peaks.map((p) => `${p.toFixed(0)} MiB`).join(' -> ')}: ${Math.max(...peaks) < RSS_GOAL_MIB ? 'under' : 'over'} ${RSS_GOAL_MIB} MiB, ${flat ? 'flat' : 'not flat'} as the input doubles`,
  );
}

main().catch((error: unknown) => {
  print(
    `benchmark failed: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
});

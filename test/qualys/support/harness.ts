/**
 * A simulator over real HTTP and a client pointed at it, with pauses
 * recorded instead of slept so limit and backoff cases run at once.
 */
import { createClient } from '../../../scripts/qualys/client.ts';
import type {
  QualysClient,
  QualysConfig,
} from '../../../scripts/qualys/types.ts';
import type { SimData } from '../../../scripts/simulator/data.ts';
import {
  startSimulator,
  type RunningSimulator,
  type SimulatorOptions,
} from '../../../scripts/simulator/server.ts';

export const NOW = new Date('2026-12-01T08:00:00Z');

export interface Harness {
  sim: RunningSimulator;
  client: QualysClient;
  /** Every pause the client asked for, in milliseconds. */
  sleeps: number[];
  close(): Promise<void>;
}

export async function openHarness(
  data: SimData,
  options: Omit<SimulatorOptions, 'data'> = {},
  config: Partial<QualysConfig> = {},
): Promise<Harness> {
  const sim = await startSimulator({ ...options, data });
  const sleeps: number[] = [];
  const client = createClient({
    baseUrl: sim.url,
    username: sim.username,
    password: sim.password,
    backoffMs: 10,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    now: () => NOW,
    ...config,
  });
  return { sim, client, sleeps, close: () => sim.close() };
}

/** All pages of a detection stream, page by page. */
export async function collectPages<T>(
  stream: AsyncIterable<T[]>,
): Promise<T[][]> {
  const pages: T[][] = [];
  for await (const page of stream) pages.push(page);
  return pages;
}

/**
 * Runs `vmgov` in-process against a simulator over HTTP, with a policy
 * repository in a temporary folder, capturing what it prints and logs.
 */
import { vi } from 'vitest';

import { main } from '../../scripts/cli.ts';
import { setSink } from '../../scripts/output/logger.ts';
import { setPrintSink } from '../../scripts/output/print.ts';
import { emptySimData } from '../../scripts/simulator/data.ts';
import {
  startSimulator,
  type RunningSimulator,
} from '../../scripts/simulator/server.ts';
import { TODAY } from '../support/policy-repo.ts';

export interface RunResult {
  code: number;
  out: string;
  log: string;
}

export const HAND_MADE = {
  id: '9001',
  title: 'mg-printers-by-hand',
  ips: ['10.0.1.50'],
  applianceIds: ['11'],
  comments: 'made in the UI',
  ownerUserId: '7',
  lastUpdate: '2026-01-01T00:00:00Z',
};

/** A simulator with the test repository's scanners and one hand-made group. */
export async function startQualys(): Promise<RunningSimulator> {
  const sim = await startSimulator({
    data: {
      ...emptySimData(),
      appliances: [
        { id: '11', name: 'scanner-a', status: 'Online' },
        { id: '12', name: 'scanner-b', status: 'Online' },
      ],
      assetGroups: [{ ...HAND_MADE }],
    },
  });
  vi.stubEnv('QUALYS_API_URL', sim.url);
  vi.stubEnv('QUALYS_USERNAME', sim.username);
  vi.stubEnv('QUALYS_PASSWORD', sim.password);
  vi.stubEnv('GITHUB_ACTIONS', 'false');
  vi.stubEnv('GITHUB_STEP_SUMMARY', '');
  vi.stubEnv('GITHUB_SHA', '');
  vi.stubEnv('VMGOV_TODAY', TODAY);
  return sim;
}

export async function run(args: string[]): Promise<RunResult> {
  let out = '';
  let log = '';
  const restorePrint = setPrintSink((text) => {
    out += text;
  });
  const restoreLog = setSink((line) => {
    log += line;
  });
  try {
    const code = await main(args);
    return { code, out, log };
  } finally {
    restorePrint();
    restoreLog();
  }
}

/** Group-endpoint writes the simulator received. */
export function writes(sim: RunningSimulator): string[] {
  return sim.calls
    .filter((c) => c.action !== 'list')
    .map((c) => `${c.action} ${c.params.title ?? c.params.id ?? c.params.ips}`);
}

import { afterAll, beforeAll, expect, it } from 'vitest';

import { createClient } from '../../scripts/qualys/client.ts';
import { ENDPOINTS } from '../../scripts/qualys/endpoints.ts';
import { setLevel, setSink, getLevel } from '../../scripts/output/logger.ts';
import {
  startSimulator,
  type RunningSimulator,
} from '../../scripts/simulator/server.ts';
import { sampleData } from './support/sim-data.ts';

const PASSWORD = 'Tr0ub4dor-and-3';
let sim: RunningSimulator;
const lines: string[] = [];
let restoreSink: () => void;
const previousLevel = getLevel();

beforeAll(async () => {
  sim = await startSimulator({ data: sampleData(), password: PASSWORD });
  restoreSink = setSink((line) => lines.push(line));
  setLevel('debug');
});
afterAll(async () => {
  restoreSink();
  setLevel(previousLevel);
  await sim.close();
});

/** Every message down an error's cause chain. */
function messages(error: unknown): string[] {
  const out: string[] = [];
  let current: unknown = error;
  while (current instanceof Error) {
    out.push(current.message, String(current.stack), JSON.stringify(current));
    current = current.cause;
  }
  return out;
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

it('keeps the password and the Authorization header out of errors and logs', async () => {
  const client = (password: string, timeoutMs = 2000) =>
    createClient({
      baseUrl: sim.url,
      username: sim.username,
      password,
      timeoutMs,
      retries: 1,
      backoffMs: 1,
      maxWaitSeconds: 1,
    });
  const good = client(PASSWORD);
  sim.faults.add({ path: ENDPOINTS.appliance, kind: '999', times: 2 });
  sim.faults.add({ path: ENDPOINTS.assetGroup, action: 'add', kind: 'reset' });
  sim.faults.add({ path: ENDPOINTS.host, action: 'purge', kind: 'truncate' });
  sim.faults.add({
    path: ENDPOINTS.excludedIp,
    kind: '409-1965',
    waitSec: 900,
  });
  sim.faults.add({
    path: ENDPOINTS.knowledgeBase,
    kind: 'slow',
    delayMs: 400,
    times: 2,
  });

  const errors = [
    await failure(client(`${PASSWORD}x`).listAppliances()),
    await failure(good.listAppliances()),
    await failure(good.addAssetGroup({ title: 'mg-x', comments: PASSWORD })),
    await failure(good.purgeHosts(['1001'])),
    await failure(good.listExcludedIps()),
    await failure(client(PASSWORD, 100).listKb([38170])),
    await failure(
      createClient({
        baseUrl: 'http://127.0.0.1:9',
        username: 'u',
        password: PASSWORD,
        retries: 0,
      }).listAppliances(),
    ),
  ];
  const basic = Buffer.from(`${sim.username}:${PASSWORD}`).toString('base64');
  const texts = [...errors.flatMap(messages), ...lines];

  expect(errors.every((error) => error instanceof Error)).toBe(true);
  expect(
    lines.filter((line) => line.startsWith('debug: qualys call')),
  ).not.toEqual([]);
  for (const text of texts) {
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(basic);
    expect(text.toLowerCase()).not.toContain('authorization');
  }
});

import {
  afterAll,
  afterEach,
  beforeEach,
  describe,
  expect,
  it,
  vi,
} from 'vitest';

import type { RunningSimulator } from '../../scripts/simulator/server.ts';
import { removeRepos, writeRepo } from '../support/policy-repo.ts';
import { run, startQualys } from './plan-support.ts';

let sim: RunningSimulator;
let root: string;

beforeEach(async () => {
  sim = await startQualys();
  root = await writeRepo();
});
afterEach(async () => {
  await sim.close();
  vi.unstubAllEnvs();
});
afterAll(removeRepos);

describe('vmgov apply with a failing write', () => {
  it('exits 1 with the table, and the next run converges', async () => {
    sim.faults.add({
      path: '/api/2.0/fo/asset/group/',
      action: 'add',
      kind: 'reset',
    });

    const first = await run(['apply', '--root', root, '--yes']);

    expect(first.code).toBe(1);
    expect(first.out).toMatch(
      /\nmg-alpha +create +failed +not applied \(.*\); run again\n/,
    );
    expect(first.out).toContain('4 ok, 1 not applied');

    const second = await run(['apply', '--root', root, '--yes']);
    expect(second.code).toBe(0);
    expect(second.out).toContain('1 ok, 0 not applied');
    const last = await run(['plan', '--root', root, '--detailed-exitcode']);
    expect(last.code).toBe(0);
  });
});

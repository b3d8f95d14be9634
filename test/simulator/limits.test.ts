import { afterEach, describe, expect, it } from 'vitest';

import type { RunningSimulator } from '../../scripts/simulator/server.ts';
import { call, PATHS, simple, smallData, start } from './support.ts';

const HEADERS = [
  'x-ratelimit-limit',
  'x-ratelimit-window-sec',
  'x-ratelimit-remaining',
  'x-ratelimit-towait-sec',
  'x-concurrency-limit-limit',
  'x-concurrency-limit-running',
];

function limitHeaders(headers: Headers): string[] {
  return HEADERS.map((name) => headers.get(name) ?? 'absent');
}

describe('simulator limits', () => {
  let sim: RunningSimulator;
  afterEach(() => sim.close());

  it('sends the rate and concurrency headers, counting down per call', async () => {
    sim = await start({ data: smallData() });
    const first = await call(sim, PATHS.group, { action: 'list' });
    const second = await call(sim, PATHS.group, { action: 'list' });
    expect(limitHeaders(first.headers)).toEqual([
      '300',
      '3600',
      '299',
      '0',
      '2',
      '1',
    ]);
    expect(limitHeaders(second.headers)).toEqual([
      '300',
      '3600',
      '298',
      '0',
      '2',
      '1',
    ]);
  });

  it('sends the headers on a refused login too', async () => {
    sim = await start({ data: smallData() });
    const answer = await call(
      sim,
      PATHS.group,
      { action: 'list' },
      { auth: 'x:y' },
    );
    expect(limitHeaders(answer.headers)).toEqual([
      '300',
      '3600',
      '300',
      '0',
      '2',
      '1',
    ]);
  });

  it('blocks past the rate limit with 409, code 1965 and the seconds to wait', async () => {
    sim = await start({
      data: smallData(),
      limits: { ratePerWindow: 2, windowSec: 90 },
    });
    await call(sim, PATHS.group, { action: 'list' });
    await call(sim, PATHS.group, { action: 'list' });
    const blocked = await call(sim, PATHS.group, { action: 'list' });
    expect(blocked.status).toBe(409);
    expect(blocked.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(blocked.headers.get('x-ratelimit-towait-sec')).toBe('90');
    expect(simple(blocked)).toEqual({
      code: '1965',
      text: 'This API cannot be run again for another 1 minute and 30 seconds.',
      items: { SECONDS_TO_WAIT: '90' },
    });
  });

  it('counts the limit per API function', async () => {
    sim = await start({ data: smallData(), limits: { ratePerWindow: 1 } });
    await call(sim, PATHS.group, { action: 'list' });
    const other = await call(sim, PATHS.kb, { action: 'list' });
    const again = await call(sim, PATHS.group, { action: 'list' });
    expect([other.status, again.status]).toEqual([200, 409]);
  });

  it('blocks a call past the concurrency limit with 409 and code 1960', async () => {
    sim = await start({ data: smallData(), limits: { concurrency: 1 } });
    sim.faults.add({ path: PATHS.detection, kind: 'slow', delayMs: 400 });
    const slow = call(sim, PATHS.detection, { action: 'list' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const blocked = await call(sim, PATHS.detection, { action: 'list' });
    expect(blocked.status).toBe(409);
    expect(blocked.headers.get('x-concurrency-limit-running')).toBe('2');
    expect(simple(blocked)).toEqual({
      code: '1960',
      text: 'This API cannot be run again until 1 currently running API instance has finished.',
      items: { CALLS_TO_FINISH: '1' },
    });
    expect((await slow).status).toBe(200);
    const after = await call(sim, PATHS.detection, { action: 'list' });
    expect(after.status).toBe(200);
  });
});

import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { formatWait } from '../../scripts/simulator/fault-replies.ts';
import type { RunningSimulator } from '../../scripts/simulator/server.ts';
import { call, PATHS, simple, smallData, start } from './support.ts';

describe('simulator faults', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await start({ data: smallData() });
  });
  afterAll(() => sim.close());

  it.each([
    ['409-1960', 409, { code: '1960', items: { CALLS_TO_FINISH: '1' } }],
    ['409-1965', 409, { code: '1965', items: { SECONDS_TO_WAIT: '7' } }],
    [
      '999',
      500,
      { code: '999', text: 'Internal error. Please contact customer support.' },
    ],
  ] as const)(
    'fails with %s as a SIMPLE_RETURN',
    async (kind, status, expected) => {
      sim.faults.add({ path: PATHS.group, action: 'list', kind, waitSec: 7 });
      const answer = await call(sim, PATHS.group, { action: 'list' });
      expect(answer.status).toBe(status);
      expect(simple(answer)).toMatchObject(expected);
    },
  );

  it('gives each 999 an incident signature', async () => {
    sim.faults.add({ path: PATHS.kb, kind: '999', times: 2 });
    const first = simple(await call(sim, PATHS.kb, { action: 'list' }));
    const second = simple(await call(sim, PATHS.kb, { action: 'list' }));
    expect(first.items['Incident Signature']).toMatch(/^SIM-\d{6}$/);
    expect(second.items['Incident Signature']).not.toBe(
      first.items['Incident Signature'],
    );
  });

  it.each([
    ['429', 429, 'Too Many Requests'],
    ['500', 500, 'Internal Server Error'],
    ['503', 503, 'Service Temporarily Unavailable'],
  ] as const)('fails with %s as an HTML page', async (kind, status, title) => {
    sim.faults.add({ path: PATHS.group, kind, waitSec: 3 });
    const answer = await call(sim, PATHS.group, { action: 'list' });
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toBe('text/html;charset=UTF-8');
    expect(answer.text).toContain(`<h1>${title}</h1>`);
    if (kind === '429')
      expect(answer.headers.get('x-ratelimit-towait-sec')).toBe('3');
  });

  it('resets the connection', async () => {
    sim.faults.add({ path: PATHS.detection, kind: 'reset' });
    await expect(
      call(sim, PATHS.detection, { action: 'list' }),
    ).rejects.toThrow('fetch failed');
    expect(sim.calls.at(-1)).toMatchObject({
      path: PATHS.detection,
      status: 0,
    });
    expect((await call(sim, PATHS.detection, { action: 'list' })).status).toBe(
      200,
    );
  });

  it('cuts the body in the middle of an element', async () => {
    sim.faults.add({ path: PATHS.detection, kind: 'truncate' });
    const answer = await call(sim, PATHS.detection, { action: 'list' });
    expect(answer.status).toBe(200);
    expect(XMLValidator.validate(answer.text)).not.toBe(true);
    expect(answer.text).toMatch(/<[A-Z_/]{2}$/);
    expect(answer.text.startsWith('<?xml')).toBe(true);
  });

  it('answers slowly when told to', async () => {
    sim.faults.add({ path: PATHS.kb, kind: 'slow', delayMs: 300 });
    const started = Date.now();
    const answer = await call(sim, PATHS.kb, { action: 'list' });
    expect(answer.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('skips afterCalls matching calls, then fires times times', async () => {
    sim.faults.add({
      path: PATHS.appliance,
      action: 'list',
      kind: '503',
      afterCalls: 2,
      times: 2,
    });
    const statuses: number[] = [];
    for (let n = 0; n < 5; n += 1) {
      statuses.push(
        (await call(sim, PATHS.appliance, { action: 'list' })).status,
      );
    }
    expect(statuses).toEqual([200, 200, 503, 503, 200]);
    expect(sim.faults.pending()).toBe(0);
  });

  it('matches a fault to its action only', async () => {
    sim.faults.add({
      path: '/api/2.0/fo/asset/group',
      action: 'add',
      kind: '500',
    });
    expect((await call(sim, PATHS.group, { action: 'list' })).status).toBe(200);
    expect(
      (await call(sim, PATHS.group, { action: 'add', title: 'New' })).status,
    ).toBe(500);
  });
});

describe('wait text of a 1965 answer', () => {
  it.each([
    [86274, '23 hours, 57 minutes and 54 seconds'],
    [90, '1 minute and 30 seconds'],
    [1, '1 second'],
    [3600, '1 hour'],
  ])('%i seconds read "%s"', (seconds, text) => {
    expect(formatWait(seconds)).toBe(text);
  });
});

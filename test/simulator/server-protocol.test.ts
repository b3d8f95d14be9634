import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RunningSimulator } from '../../scripts/simulator/server.ts';
import { call, PATHS, simple, smallData, start } from './support.ts';

describe('simulator request rules', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await start({ data: smallData() });
  });
  afterAll(() => sim.close());

  it('listens on 127.0.0.1 only', () => {
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it.each([
    ['a wrong password', 'tester:nope'],
    ['an unknown user', 'someone:test-password'],
    ['no credentials', null],
  ])('refuses %s with 401 Bad Login/Password', async (_name, auth) => {
    const answer = await call(sim, PATHS.group, { action: 'list' }, { auth });
    expect(answer.status).toBe(401);
    expect(simple(answer)).toEqual({
      code: undefined,
      text: 'Bad Login/Password',
      items: {},
    });
  });

  it('refuses a call without X-Requested-With', async () => {
    const answer = await call(
      sim,
      PATHS.group,
      { action: 'list' },
      { requestedWith: null },
    );
    expect(answer.status).toBe(400);
    expect(simple(answer).text).toBe(
      'The X-Requested-With header is required for API v2 calls.',
    );
  });

  it.each([
    [
      'a write sent with GET',
      'GET',
      { action: 'add', title: 'x' },
      1908,
      'Request method (GET or POST) is incompatible with specified parameter(s): action=add',
    ],
    [
      'a PUT',
      'PUT',
      { action: 'list' },
      1908,
      'Request method (GET or POST) is incompatible with specified parameter(s): action',
    ],
    [
      'an unknown parameter',
      'POST',
      { action: 'list', colour: 'red', size: '2' },
      1901,
      'Unrecognized parameter(s): colour, size',
    ],
    [
      'no action',
      'POST',
      { ids: '1' },
      1903,
      'Missing required parameter(s): action',
    ],
    [
      'an unknown action',
      'POST',
      { action: 'explode' },
      1905,
      'parameter action has invalid value: explode',
    ],
    [
      'a missing required parameter',
      'POST',
      { action: 'delete' },
      1903,
      'Missing required parameter(s): id',
    ],
    [
      'a bad truncation limit',
      'GET',
      { action: 'list', truncation_limit: 'ten' },
      1905,
      'parameter truncation_limit has invalid value: ten',
    ],
    [
      'a bad flag',
      'GET',
      { action: 'list', show_attributes: 'COLOUR' },
      1905,
      'parameter show_attributes has invalid value: COLOUR',
    ],
  ] as const)(
    'refuses %s with 400 and code %i',
    async (_name, method, params, code, text) => {
      const answer = await call(sim, PATHS.group, params, { method });
      expect(answer.status).toBe(400);
      expect(simple(answer)).toEqual({ code: String(code), text, items: {} });
    },
  );

  it('takes the action from the query string and the rest from the body', async () => {
    const res = await fetch(`${sim.url}${PATHS.group}?action=list`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from('tester:test-password').toString('base64')}`,
        'X-Requested-With': 'vitest',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'ids=2001&show_attributes=ALL',
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<TITLE><![CDATA[Hand made]]></TITLE>');
  });

  it('answers with the declaration, the DOCTYPE and comments around list outputs', async () => {
    const answer = await call(sim, PATHS.detection, { action: 'list' });
    const lines = answer.text.split('\n');
    expect(lines[0]).toBe('<?xml version="1.0" encoding="UTF-8" ?>');
    expect(lines[1]).toBe(
      `<!DOCTYPE HOST_LIST_VM_DETECTION_OUTPUT SYSTEM "${sim.url}/api/2.0/fo/asset/host/vm/detection/dtd/output.dtd">`,
    );
    expect(lines[2]).toMatch(/^<!-- .* \/\/-->$/);
    expect(lines.at(-2)).toMatch(/^<!-- .* \/\/-->$/);
    expect(answer.headers.get('content-type')).toBe('text/xml;charset=UTF-8');
  });

  it('records every call with its path, action, method and status', async () => {
    const before = sim.calls.length;
    await call(sim, PATHS.kb, { action: 'list', ids: '6' }, { method: 'GET' });
    await call(sim, PATHS.kb, { action: 'edit', qid: '6' }, { method: 'GET' });
    expect(
      sim.calls
        .slice(before)
        .map(({ method, path, action, status }) => [
          method,
          path,
          action,
          status,
        ]),
    ).toEqual([
      ['GET', PATHS.kb, 'list', 200],
      ['GET', PATHS.kb, 'edit', 400],
    ]);
  });

  it('answers 404 for a path it does not serve', async () => {
    const answer = await call(sim, '/api/2.0/fo/scan/', { action: 'list' });
    expect(answer.status).toBe(404);
  });
});

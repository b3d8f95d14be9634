import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { removeRepos, writeRepo } from '../support/policy-repo.ts';
import { runCli } from '../support/run-cli.ts';

let root = '';
beforeAll(async () => {
  root = await writeRepo();
});
afterAll(removeRepos);

const ask = 'ask:            @example/governance, iso@example.edu';

describe('vmgov whois', () => {
  it('names the unit, groups, scanner, profile and contacts', async () => {
    const run = await runCli(['whois', '10.0.1.70', '--root', root]);
    expect(run.code).toBe(0);
    expect(run.out).toBe(
      [
        'address:        10.0.1.70',
        'unit:           alpha (Alpha School, units/alpha.yaml)',
        'master group:   mg-alpha',
        'sub-groups:     sg-alpha--lab',
        'scanner:        scanner-a (North campus)',
        'option profile: Default profile',
        'executive:      alpha-dean@example.edu',
        'sysadmin:       alpha-lab@example.edu',
        'exclude-from-scan: no',
        '',
      ].join('\n'),
    );
  });

  it.each([
    ['10.0.1.205', 'optionProfile', 'Low intensity profile'],
    ['10.0.1.205', 'subgroups', ['sg-alpha--low-intensity']],
    [
      '10.0.1.7',
      'excludedFromScan',
      {
        reason: 'Building controller drops its sessions during any scan.',
        ticket: 'INC0001234',
        reviewBy: '2027-03-01',
      },
    ],
    ['2001:db8::5', 'masterGroup', 'mg-alpha'],
    [
      '10.0.200.9',
      'contacts',
      {
        executive: ['beta-head@example.edu'],
        sysadmin: ['beta-it@example.edu'],
      },
    ],
  ])('answers %s with %s in JSON', async (address, key, value) => {
    const run = await runCli([
      'whois',
      address,
      '--root',
      root,
      '--format',
      'json',
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)[key]).toEqual(value);
  });

  it.each([
    [
      '10.0.50.1',
      'status:         in the address space, but no unit claims it',
    ],
    ['8.8.8.8', 'status:         outside the address space'],
  ])('exits 1 for %s, saying whom to ask', async (address, status) => {
    const run = await runCli(['whois', address, '--root', root]);
    expect(run.code).toBe(1);
    expect(run.out).toBe(
      `address:        ${address}\n${status}\n${ask}\nexclude-from-scan: no\n`,
    );
  });

  it('exits 2 when the argument is not an address', async () => {
    const run = await runCli(['whois', '10.0.0.300', '--root', root]);
    expect(run).toEqual({
      code: 2,
      out: '',
      err: 'error: "10.0.0.300" has an octet above 255\nhint: each of the four numbers must be between 0 and 255\n',
    });
  });
});

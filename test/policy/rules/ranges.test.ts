import { afterAll, describe, expect, it } from 'vitest';

import { ALPHA, BETA, SCANNING } from '../../support/policy-repo.ts';
import { removeRepos } from '../../support/policy-repo.ts';
import {
  type RuleCase,
  edit,
  problemLines,
} from '../../support/problem-lines.ts';

afterAll(removeRepos);

const A = 'units/alpha.yaml';
const B = 'units/beta.yaml';

describe('range rules', () => {
  it.each<RuleCase>([
    {
      name: 'a CIDR with host bits set names the network meant',
      files: { [A]: edit(ALPHA, '10.0.1.0/24', '10.0.1.1/24') },
      expected: [
        `${A}:13:9 error range-syntax "10.0.1.1/24" has host bits set`,
      ],
    },
    {
      name: 'a leading zero is refused',
      files: { [A]: edit(ALPHA, '10.0.1.0/24', '10.0.01.0/24') },
      expected: [
        `${A}:13:9 error range-syntax "10.0.01.0" has an octet with a leading zero`,
      ],
    },
    {
      name: 'a reversed range is refused',
      files: {
        [A]: edit(ALPHA, '10.0.1.200-10.0.1.210', '10.0.1.210-10.0.1.200'),
      },
      expected: [
        `${A}:18:9 error range-syntax "10.0.1.210-10.0.1.200" is reversed: its first address is after its last`,
      ],
    },
    {
      name: 'a prefix out of bounds is refused',
      files: { [A]: edit(ALPHA, '2001:db8::/64', '2001:db8::/129') },
      expected: [
        `${A}:14:9 error range-syntax "2001:db8::/129" has prefix /129, outside 0-128 for IPv6`,
      ],
    },
    {
      name: 'a range outside the address space',
      files: {
        [B]: edit(BETA, '10.0.200.0/24', '10.0.200.0/24\n      - 10.1.0.0/30'),
      },
      expected: [
        `${B}:14:9 error range-outside-address-space 10.1.0.0/30 is outside the address space (10.1.0.0-10.1.0.3 is not ours)`,
      ],
    },
    {
      name: 'an address claimed by two units names both files and the block',
      files: {
        [B]: edit(
          BETA,
          '10.0.200.0/24',
          '10.0.200.0/24\n      - 10.0.1.128/25',
        ),
      },
      expected: [
        `${B}:14:9 error range-claimed-twice 10.0.1.128-10.0.1.255 is claimed by unit "alpha" (${A}:13) and unit "beta" (${B}:14)`,
        `${B}:15:14 error scanner-does-not-serve scanner "scanner-b" (South campus) does not serve 10.0.1.128-10.0.1.255 of group "mg-beta"`,
      ],
    },
    {
      name: 'overlap inside one unit is a warning',
      files: {
        [A]: edit(
          ALPHA,
          '      - 2001:db8::/64',
          '      - 2001:db8::/64\n      - 10.0.1.5-10.0.1.9',
        ),
      },
      expected: [
        `${A}:15:9 warning range-overlap-in-unit 10.0.1.5-10.0.1.9 overlaps 10.0.1.0/24 (${A}:13) on 10.0.1.5-10.0.1.9`,
      ],
    },
    {
      name: 'a sub-group range outside its master group',
      files: { [A]: edit(ALPHA, '10.0.1.64/26', '10.0.2.64/26') },
      expected: [
        `${A}:22:13 error subgroup-outside-master sub-group "lab" range 10.0.2.64/26 is not inside master group "mg-alpha" (10.0.2.64-10.0.2.127 is outside)`,
      ],
    },
    {
      name: 'a low-intensity device outside its master group',
      files: { [A]: edit(ALPHA, '10.0.1.200-10.0.1.210', '10.0.2.7') },
      expected: [
        `${A}:18:9 error low-intensity-outside-master low_intensity range 10.0.2.7 is not inside master group "mg-alpha" (10.0.2.7 is outside)`,
      ],
    },
    {
      name: 'a scanner that does not serve the group suggests one that does',
      files: { [B]: edit(BETA, 'scanner-b', 'scanner-a') },
      expected: [
        `${B}:14:14 error scanner-does-not-serve scanner "scanner-a" (North campus) does not serve 10.0.200.0-10.0.200.255 of group "mg-beta"`,
      ],
    },
    {
      name: 'an unknown scanner',
      files: { [B]: edit(BETA, 'scanner-b', 'scanner-z') },
      expected: [
        `${B}:14:14 error scanner-unknown scanner "scanner-z" is not an appliance in policy/scanning.yaml`,
      ],
    },
    {
      name: 'an Exclude-from-Scan range outside the named unit',
      files: {
        'policy/scanning.yaml': edit(SCANNING, '10.0.1.7', '10.0.200.7'),
      },
      expected: [
        `policy/scanning.yaml:16:9 error scan-exclusion-outside-unit 10.0.200.7 is not in unit "alpha" (10.0.200.7 is outside its ranges)`,
      ],
    },
    {
      name: 'an Exclude-from-Scan entry naming no unit file',
      files: {
        'policy/scanning.yaml': edit(SCANNING, 'unit: alpha', 'unit: gamma'),
      },
      expected: [
        `policy/scanning.yaml:17:11 error scan-exclusion-unknown-unit unit "gamma" has no file units/gamma.yaml`,
      ],
    },
  ])('$name', async ({ files, expected }) => {
    expect(await problemLines(files)).toEqual(expected);
  });
});

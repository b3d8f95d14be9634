import { describe, expect, it } from 'vitest';

import { InputError } from '../../scripts/errors.ts';
import { desiredState } from '../../scripts/sync/desired.ts';
import { APPLIANCES, MARKER, model, unit } from './fixture-model.ts';

describe('desiredState', () => {
  const policy = model(
    [
      unit('med-it', [
        {
          title: 'mg-med-it',
          ranges: ['10.1.0.0/24', '10.1.1.0/24'],
          scanner: 'scanner-medical',
          lowIntensity: ['10.1.0.5', '10.1.0.6'],
          subgroups: [{ name: 'lab', ranges: ['10.1.1.0/28'] }],
        },
      ]),
    ],
    { exclusions: ['10.1.0.9', '10.1.0.10'] },
  );

  it('gives the master group its merged ranges and every field', () => {
    const state = desiredState(policy, APPLIANCES);
    const master = state.groups[0];
    expect(master).toMatchObject({
      title: 'mg-med-it',
      kind: 'master',
      unit: 'med-it',
      applianceIds: ['102'],
      defaultApplianceId: '102',
      businessImpact: 'high',
      division: 'med-it',
      comments:
        `${MARKER} unit=med-it; managed by vmgov; ` +
        'edit in stanford/vm-policy units/med-it.yaml',
    });
    expect(master.set.toQualys()).toEqual(['10.1.0.0-10.1.1.255']);
  });

  it('generates the declared and the low-intensity sub-groups', () => {
    const state = desiredState(policy, APPLIANCES);
    expect(
      state.groups.map((g) => [g.title, g.kind, g.set.toQualys().join(',')]),
    ).toEqual([
      ['mg-med-it', 'master', '10.1.0.0-10.1.1.255'],
      ['sg-med-it--lab', 'subgroup', '10.1.1.0-10.1.1.15'],
      ['sg-med-it--low-intensity', 'subgroup', '10.1.0.5-10.1.0.6'],
    ]);
    expect(state.groups[1].comments).toContain('generated from mg-med-it');
  });

  it('merges the Exclude-from-Scan entries', () => {
    const state = desiredState(policy, APPLIANCES);
    expect(state.exclusions.toQualys()).toEqual(['10.1.0.9-10.1.0.10']);
  });

  it('names the file and line of a scanner Qualys does not know', () => {
    const bad = model([
      unit('law', [
        { title: 'mg-law', ranges: ['10.2.0.0/24'], scanner: 'scanner-moon' },
      ]),
    ]);
    expect(() => desiredState(bad, APPLIANCES)).toThrow(InputError);
    expect(() => desiredState(bad, APPLIANCES)).toThrow(
      'units/law.yaml:10: scanner "scanner-moon" of mg-law is not an ' +
        'appliance in Qualys',
    );
  });
});

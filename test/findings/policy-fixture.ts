/**
 * Builds policy models by hand for tests, the way the loader would hand
 * them over: ranges parsed and merged, contacts and sub-groups filled in.
 */
import { parseRange } from '../../scripts/net/address.ts';
import { AddressSet } from '../../scripts/net/address-set.ts';
import type {
  LocatedRange,
  MasterAssetGroup,
  PolicyModel,
  Severity,
  Unit,
} from '../../scripts/policy/model.ts';
import { subgroupTitle } from '../../scripts/policy/model.ts';

const at = { file: 'test', line: 1, col: 1 };

export interface UnitLayout {
  id: string;
  masters: {
    title: string;
    ranges: string[];
    subgroups?: { name: string; ranges: string[]; sysadmin: string[] }[];
  }[];
  executive?: string[];
  sysadmin?: string[];
}

export interface PolicyLayout {
  units: UnitLayout[];
  excluded?: number[];
  reclassified?: { qid: number; from: Severity; to: Severity }[];
  isoRecipients?: string[];
}

/** Unit `med`: 10.1.0.0/24, with sub-group `lab` on its upper half. */
export const MED_WITH_LAB: UnitLayout = {
  id: 'med',
  masters: [
    {
      title: 'mg-med',
      ranges: ['10.1.0.0/24'],
      subgroups: [
        {
          name: 'lab',
          ranges: ['10.1.0.128/25'],
          sysadmin: ['lab@med.example.edu'],
        },
      ],
    },
  ],
};

function located(texts: string[]): LocatedRange[] {
  return texts.map((text) => ({ ...parseRange(text), at }));
}

function master(layout: UnitLayout['masters'][number]): MasterAssetGroup {
  return {
    title: layout.title,
    ranges: located(layout.ranges),
    set: AddressSet.parse(layout.ranges),
    scanner: 'scanner-1',
    businessImpact: 'medium',
    lowIntensity: [],
    lowIntensitySet: AddressSet.empty(),
    subgroups: (layout.subgroups ?? []).map((s) => ({
      name: s.name,
      title: subgroupTitle(layout.title, s.name),
      ranges: located(s.ranges),
      set: AddressSet.parse(s.ranges),
      sysadmin: s.sysadmin,
      at,
    })),
    at,
  };
}

function unit(layout: UnitLayout): Unit {
  return {
    id: layout.id,
    name: `Unit ${layout.id}`,
    owners: [`@org/${layout.id}`],
    contacts: {
      executive: layout.executive ?? [`head@${layout.id}.example.edu`],
      sysadmin: layout.sysadmin ?? [`admins@${layout.id}.example.edu`],
    },
    masterAssetGroups: layout.masters.map(master),
    file: `units/${layout.id}.yaml`,
    at,
  };
}

export function buildPolicy(layout: PolicyLayout): PolicyModel {
  const decision = { title: 't', rationale: 'r', decidedOn: '2026-01-01' };
  const extra = { decision: 'approved', reviewBy: '2027-01-01', at };
  return {
    root: '.',
    program: {
      organization: 'Example University',
      addressSpace: [],
      addressSpaceSet: AddressSet.empty(),
      reports: {
        confirmedOnly: true,
        severities: [3, 4, 5],
        sendDay: 1,
        sender: 'iso@example.edu',
        executiveReport: 'ISO Monthly Scan Executive',
        sysadminReport: 'ISO Monthly Scan SysAdmin',
      },
      remediationDays: { 3: 90, 4: 7, 5: 7 },
      purge: { staleAfterDays: 90, maxHostsPerRun: 500 },
      reclassificationCriteria: {
        allowedMoves: [{ from: 3, to: 2 }],
        informationDisclosureCategories: [],
        segmentationOnlyPatterns: [],
      },
      sync: {
        marker: 'vmgov:example/policy',
        maxRemovedAddressesPerUnit: 256,
        maxRemovedAddressesTotal: 1024,
        maxRemovedShareOfGroup: 0.5,
        applyReclassificationsInQualys: false,
      },
      governance: {
        team: '@org/iso',
        maintainers: '@org/iso-maintainers',
        isoRecipients: layout.isoRecipients ?? ['iso@example.edu'],
      },
      at,
    },
    excludedQids: (layout.excluded ?? []).map((qid) => ({
      qid,
      ...decision,
      ...extra,
    })),
    reclassifications: (layout.reclassified ?? []).map((r) => ({
      ...r,
      ...decision,
      ...extra,
    })),
    neverIgnore: [],
    scanning: {
      optionProfiles: { default: 'd', lowIntensity: 'l' },
      appliances: [],
      excludeFromScan: [],
    },
    kb: new Map(),
    units: layout.units.map(unit),
  };
}

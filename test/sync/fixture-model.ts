/**
 * Hand-built policy models for the sync tests: small units with master
 * groups, sub-groups and low-intensity devices, without reading YAML.
 */
import { AddressSet } from '../../scripts/net/address-set.ts';
import { parseRange } from '../../scripts/net/address.ts';
import type {
  LocatedRange,
  MasterAssetGroup,
  PolicyModel,
  Unit,
} from '../../scripts/policy/model.ts';

export const MARKER = 'vmgov:stanford/vm-policy';

export interface GroupSpec {
  title: string;
  ranges: string[];
  scanner?: string;
  lowIntensity?: string[];
  subgroups?: { name: string; ranges: string[] }[];
}

const at = (file: string, line = 1) => ({ file, line, col: 1 });

function located(texts: string[], file: string): LocatedRange[] {
  return texts.map((t) => ({ ...parseRange(t), at: at(file) }));
}

export function unit(id: string, groups: GroupSpec[]): Unit {
  const file = `units/${id}.yaml`;
  const masters: MasterAssetGroup[] = groups.map((g, i) => ({
    title: g.title,
    ranges: located(g.ranges, file),
    set: AddressSet.parse(g.ranges),
    scanner: g.scanner ?? 'scanner-campus',
    businessImpact: 'high',
    lowIntensity: located(g.lowIntensity ?? [], file),
    lowIntensitySet: AddressSet.parse(g.lowIntensity ?? []),
    subgroups: (g.subgroups ?? []).map((s) => ({
      name: s.name,
      title: `sg-${g.title.replace(/^mg-/, '')}--${s.name}`,
      ranges: located(s.ranges, file),
      set: AddressSet.parse(s.ranges),
      sysadmin: [],
      at: at(file),
    })),
    at: at(file, 10 + i * 10),
  }));
  return {
    id,
    name: `Unit ${id}`,
    owners: [`@stanford/${id}-admins`],
    contacts: { executive: [], sysadmin: [] },
    masterAssetGroups: masters,
    file,
    at: at(file),
  };
}

export function model(
  units: Unit[],
  options: { exclusions?: string[]; limits?: Partial<Limits> } = {},
): PolicyModel {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const excluded = options.exclusions ?? [];
  return {
    root: '.',
    program: {
      organization: 'Stanford University',
      addressSpace: [],
      addressSpaceSet: AddressSet.parse(['10.0.0.0/8']),
      reports: {
        confirmedOnly: true,
        severities: [3, 4, 5],
        sendDay: 1,
        sender: 'iso@example.edu',
        executiveReport: 'exec',
        sysadminReport: 'sysadmin',
      },
      remediationDays: {},
      purge: { staleAfterDays: 90, maxHostsPerRun: 500 },
      reclassificationCriteria: {
        allowedMoves: [],
        informationDisclosureCategories: [],
        segmentationOnlyPatterns: [],
      },
      sync: {
        marker: MARKER,
        applyReclassificationsInQualys: false,
        ...limits,
      },
      governance: {
        team: '@stanford/qualys-governance',
        maintainers: '@stanford/vmgov-maintainers',
        isoRecipients: [],
      },
      at: at('policy/program.yaml'),
    },
    excludedQids: [],
    reclassifications: [],
    neverIgnore: [],
    scanning: {
      optionProfiles: { default: 'd', lowIntensity: 'l' },
      appliances: [],
      excludeFromScan:
        excluded.length === 0
          ? []
          : [
              {
                ranges: located(excluded, 'policy/scanning.yaml'),
                set: AddressSet.parse(excluded),
                unit: units[0]?.id ?? 'none',
                reason: 'printer crashes',
                ticket: 'INC-1',
                addedOn: '2026-01-01',
                reviewBy: '2027-01-01',
                at: at('policy/scanning.yaml'),
              },
            ],
    },
    kb: new Map(),
    units,
  };
}

interface Limits {
  maxRemovedAddressesPerUnit: number;
  maxRemovedAddressesTotal: number;
  maxRemovedShareOfGroup: number;
}

const DEFAULT_LIMITS: Limits = {
  maxRemovedAddressesPerUnit: 1024,
  maxRemovedAddressesTotal: 4096,
  maxRemovedShareOfGroup: 0.5,
};

export const APPLIANCES = [
  { id: '101', name: 'scanner-campus' },
  { id: '102', name: 'scanner-medical' },
];

/**
 * The policy model: what the loading pipeline (read → parse → schema →
 * normalize → rules) hands to every other room. Field names follow the YAML
 * keys; ranges arrive parsed and merged, and every item keeps where it was
 * written so later checks and messages can point at the line.
 */
import type { ParsedRange } from '../net/address.ts';
import type { AddressSet } from '../net/address-set.ts';

/** Where a value was written: repository-relative file, 1-based line/col. */
export interface Location {
  file: string;
  line: number;
  col: number;
}

export type Severity = 1 | 2 | 3 | 4 | 5;
export type BusinessImpact = 'critical' | 'high' | 'medium' | 'low' | 'none';

export interface LocatedRange extends ParsedRange {
  at: Location;
}

export interface ProgramSettings {
  organization: string;
  addressSpace: LocatedRange[];
  addressSpaceSet: AddressSet;
  reports: {
    confirmedOnly: boolean;
    severities: Severity[];
    sendDay: number;
    sender: string;
    executiveReport: string;
    sysadminReport: string;
  };
  /** Days from first detection to the remediation deadline, by severity. */
  remediationDays: Partial<Record<Severity, number>>;
  purge: { staleAfterDays: number; maxHostsPerRun: number };
  reclassificationCriteria: {
    allowedMoves: { from: Severity; to: Severity }[];
    informationDisclosureCategories: string[];
    /** Case-insensitive regular expressions a segmentation-only solution matches. */
    segmentationOnlyPatterns: string[];
  };
  sync: {
    /** Text put in a managed group's comments to claim it, e.g. `vmgov:owner/repo`. */
    marker: string;
    maxRemovedAddressesPerUnit: number;
    maxRemovedAddressesTotal: number;
    /** 0..1: the share of one group's addresses a change may remove. */
    maxRemovedShareOfGroup: number;
    applyReclassificationsInQualys: boolean;
  };
  governance: {
    team: string;
    maintainers: string;
    isoRecipients: string[];
  };
  at: Location;
}

export interface Decision {
  qid: number;
  title: string;
  rationale: string;
  decidedOn: string;
  decision: string;
  reviewBy: string;
  at: Location;
  /** Where each key's value was written, for messages about one field. */
  fieldsAt?: Record<string, Location>;
}

export interface Reclassification extends Decision {
  from: Severity;
  to: Severity;
}

export interface NeverIgnore {
  qid: number;
  title: string;
  why: string;
  at: Location;
  fieldsAt?: Record<string, Location>;
}

export interface Appliance {
  name: string;
  area: string;
  serves: LocatedRange[];
  servesSet: AddressSet;
  at: Location;
}

export interface ScanExclusion {
  ranges: LocatedRange[];
  set: AddressSet;
  unit: string;
  reason: string;
  ticket: string;
  addedOn: string;
  reviewBy: string;
  at: Location;
  fieldsAt?: Record<string, Location>;
}

export interface Scanning {
  optionProfiles: { default: string; lowIntensity: string };
  appliances: Appliance[];
  excludeFromScan: ScanExclusion[];
}

export interface KbFact {
  qid: number;
  title: string;
  severity: Severity;
  category: string;
  vulnType: string;
  patchable: boolean;
  solution: string;
  /** Facts that could not be confirmed from a public source. */
  unconfirmed: string[];
  at: Location;
}

export interface Contacts {
  executive: string[];
  sysadmin: string[];
}

export interface Subgroup {
  name: string;
  /** `sg-` + master title without `mg-` + `--` + name. */
  title: string;
  ranges: LocatedRange[];
  set: AddressSet;
  sysadmin: string[];
  at: Location;
}

export interface MasterAssetGroup {
  title: string;
  ranges: LocatedRange[];
  set: AddressSet;
  scanner: string;
  businessImpact: BusinessImpact;
  lowIntensity: LocatedRange[];
  lowIntensitySet: AddressSet;
  subgroups: Subgroup[];
  at: Location;
  fieldsAt?: Record<string, Location>;
  /** Some of `ranges` could not be read; containment checks skip it. */
  hasInvalidRanges?: boolean;
}

export interface Unit {
  id: string;
  name: string;
  owners: string[];
  contacts: Contacts;
  masterAssetGroups: MasterAssetGroup[];
  file: string;
  at: Location;
  fieldsAt?: Record<string, Location>;
}

export interface PolicyModel {
  root: string;
  program: ProgramSettings;
  excludedQids: Decision[];
  reclassifications: Reclassification[];
  neverIgnore: NeverIgnore[];
  scanning: Scanning;
  kb: Map<number, KbFact>;
  units: Unit[];
}

/** One finding of `validate`, printed as `file:line:col  level  rule  message`. */
export interface Problem {
  level: 'error' | 'warning';
  rule: string;
  message: string;
  hint?: string;
  at: Location;
}

/** Title of the generated sub-group for a master group and a name. */
export function subgroupTitle(masterTitle: string, name: string): string {
  return `sg-${masterTitle.replace(/^mg-/, '')}--${name}`;
}

/** Name of the generated sub-group that holds the low-intensity devices. */
export const LOW_INTENSITY_SUBGROUP = 'low-intensity';

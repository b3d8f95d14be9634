/**
 * The shapes of a sync: what the repository wants in Qualys (desired
 * state), what Qualys holds (current state) and the plan that turns one
 * into the other. A plan is plain data so it can be hashed, printed and
 * applied later by a separate run.
 */
import type { AddressSet } from '../net/address-set.ts';
import type { AssetGroup } from '../qualys/types.ts';
import type { AddressCount } from './address-count.ts';

export type GroupKind = 'master' | 'subgroup';

/** One asset group the repository wants, with every field we set. */
export interface DesiredGroup {
  title: string;
  kind: GroupKind;
  unit: string;
  /** The master group a sub-group is generated from. */
  master?: string;
  set: AddressSet;
  applianceIds: string[];
  defaultApplianceId: string;
  businessImpact: string;
  division: string;
  comments: string;
}

export interface DesiredState {
  marker: string;
  groups: DesiredGroup[];
  /** Exclude-from-Scan addresses, all units together. */
  exclusions: AddressSet;
}

export interface CurrentState {
  groups: AssetGroup[];
  /** IP and IP_RANGE texts of the Exclude-from-Scan list. */
  excludedIps: string[];
  /** Addresses this repository added to the list earlier (its record). */
  excludedByUs: AddressSet;
}

/** Fields compared between a desired and a current group. */
export interface GroupFields {
  ips: string[];
  applianceIds: string[];
  defaultApplianceId: string;
  businessImpact: string;
  division: string;
  comments: string;
}

export type GroupAction = 'create' | 'update' | 'delete' | 'orphan';

export interface RangeDelta {
  added: string[];
  removed: string[];
  /** Per family: IPv4 addresses and IPv6 /64 networks (address-count.ts). */
  addedCount: AddressCount;
  removedCount: AddressCount;
  /** Size of the group before the change. */
  beforeCount: AddressCount;
}

/**
 * One group change. `orphan` is a managed group whose title left the
 * YAML: listed, and deleted only when the plan was made with `--prune`.
 */
export interface GroupChange {
  action: GroupAction;
  title: string;
  kind: GroupKind;
  unit: string;
  id?: string;
  /** Fields to write (create, update). */
  fields?: GroupFields;
  /** Names of the fields that differ, other than the ranges. */
  changedFields: string[];
  ranges: RangeDelta;
  adopted?: boolean;
}

export type ConflictReason = 'unmarked' | 'foreign-marker' | 'duplicate-title';

/** A group with one of our titles that we may not touch. */
export interface Conflict {
  title: string;
  unit: string;
  ids: string[];
  reason: ConflictReason;
  /** The other repository's marker, for `foreign-marker`. */
  foundMarker?: string;
}

export interface LimitBreach {
  rule:
    | 'maxRemovedAddressesPerUnit'
    | 'maxRemovedAddressesTotal'
    | 'maxRemovedShareOfGroup';
  scope: string;
  /** IPv4 addresses plus IPv6 /64 networks, or a percentage of a group. */
  limit: string;
  actual: string;
  message: string;
}

export interface ExclusionChange {
  add: string[];
  remove: string[];
  /** Listed in Qualys but never by this repository: left alone. */
  unmanaged: string[];
  addCount: AddressCount;
  removeCount: AddressCount;
}

export interface UnitPlan {
  unit: string;
  changes: GroupChange[];
  removedAddresses: AddressCount;
  approvers: string[];
}

export interface Plan {
  /** 2: address counts are split per family (IPv4, IPv6 /64s). */
  version: 2;
  marker: string;
  prune: boolean;
  units: UnitPlan[];
  exclusions: ExclusionChange;
  conflicts: Conflict[];
  limits: LimitBreach[];
  /** Who approves the Exclude-from-Scan and large-change parts. */
  governanceApprovers: string[];
}

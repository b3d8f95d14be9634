/**
 * The simulator's dataset: plain JSON-serialisable records, so a dataset can
 * be written to a file, loaded back, and read by tests while the server
 * changes it. Large datasets keep only a recipe (`bulk`) for hosts that are
 * generated on demand instead of stored.
 */
import { readFile, writeFile } from 'node:fs/promises';

import { InputError } from '../errors.ts';

export type DetectionType = 'Confirmed' | 'Potential' | 'Info';
export type DetectionStatus = 'New' | 'Active' | 'Fixed' | 'Re-Opened';

export interface SimDetection {
  uniqueVulnId: string;
  qid: number;
  type: DetectionType;
  severity: number;
  port?: number;
  protocol?: string;
  ssl: boolean;
  results?: string;
  status: DetectionStatus;
  firstFound: string;
  lastFound: string;
  timesFound: number;
  isIgnored: boolean;
  isDisabled: boolean;
}

export interface SimHost {
  id: string;
  ip: string;
  trackingMethod: string;
  dns?: string;
  netbios?: string;
  os?: string;
  lastScanDatetime?: string;
  lastVmScannedDate?: string;
  detections: SimDetection[];
}

export interface SimKbVuln {
  qid: number;
  vulnType: string;
  severity: number;
  title: string;
  category?: string;
  patchable: boolean;
  diagnosis?: string;
  consequence?: string;
  solution?: string;
  cves: string[];
  publishedDatetime?: string;
  lastServiceModificationDatetime?: string;
}

export interface SimKbCustomization {
  qid: number;
  severity?: number;
  disabled: boolean;
  datetime: string;
}

export interface SimAssetGroup {
  id: string;
  title: string;
  ips: string[];
  applianceIds: string[];
  defaultApplianceId?: string;
  businessImpact?: string;
  division?: string;
  comments?: string;
  ownerUserId: string;
  lastUpdate: string;
}

export interface SimExcludedIp {
  ip: string;
  comment: string;
  expiresOn?: string;
}

export interface SimAppliance {
  id: string;
  name: string;
  status: 'Online' | 'Offline';
}

export interface SimOptionProfile {
  id: string;
  title: string;
  isDefault: boolean;
}

/** Recipe for hosts generated on demand from a seed (see bulk.ts). */
export interface BulkHosts {
  seed: number;
  hostCount: number;
  detectionsPerHost: number;
  firstId: number;
  /** First address of the range the hosts are numbered in. */
  firstIp: string;
  qids: number[];
  now: string;
}

export interface SimData {
  hosts: SimHost[];
  kb: SimKbVuln[];
  assetGroups: SimAssetGroup[];
  excludedIps: SimExcludedIp[];
  appliances: SimAppliance[];
  optionProfiles: SimOptionProfile[];
  customizedKb: SimKbCustomization[];
  /** Hosts queued by a purge, removed on the next request. */
  purgeQueue: string[];
  bulk?: BulkHosts;
}

export function emptySimData(): SimData {
  return {
    hosts: [],
    kb: [],
    assetGroups: [],
    excludedIps: [],
    appliances: [],
    optionProfiles: [],
    customizedKb: [],
    purgeQueue: [],
  };
}

const KEYS = [
  'hosts',
  'kb',
  'assetGroups',
  'excludedIps',
  'appliances',
  'optionProfiles',
  'customizedKb',
] as const;

/**
 * Reads a dataset written by `vmgov sim --save` (saveSimData) or by hand.
 * @throws InputError when the file is unreadable, not JSON, or lacks a list.
 */
export async function loadSimData(file: string): Promise<SimData> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new InputError(`${file}: cannot read simulator data`, {
      hint: 'give a JSON file written by `vmgov sim --save FILE`',
      cause: error,
    });
  }
  if (typeof parsed !== 'object' || parsed === null) {
    throw new InputError(`${file}: simulator data must be a JSON object`);
  }
  const data = { ...emptySimData(), ...(parsed as Partial<SimData>) };
  for (const key of KEYS) {
    if (!Array.isArray(data[key])) {
      throw new InputError(`${file}: "${key}" must be a list`, {
        hint: `write "${key}": [] when there is none`,
      });
    }
  }
  return data;
}

export async function saveSimData(file: string, data: SimData): Promise<void> {
  await writeFile(file, `${JSON.stringify(data, null, 2)}\n`, 'utf8');
}

/**
 * The Qualys client's public shapes: what sync, findings and governance
 * code against. Texts stay as Qualys returns them (IDs are strings, IP
 * lists keep their `a-b` ranges); only counts and severities are numbers.
 */

/** Where and as whom to call, and how patient to be. */
export interface QualysConfig {
  /** The platform's API server, e.g. `https://qualysapi.qualys.com`. */
  baseUrl: string;
  username: string;
  password: string;
  /** Sent as `X-Requested-With`; defaults to `vmgov`. */
  userAgent?: string;
  /** Calls per window left for people: the client waits at this level. */
  reserveCalls?: number;
  /** Longest wait for a limit before giving up with QualysLimitError. */
  maxWaitSeconds?: number;
  timeoutMs?: number;
  /** Extra attempts for reads after 999, 5xx, timeouts and resets. */
  retries?: number;
  /** First backoff delay; doubles at each attempt. */
  backoffMs?: number;
  /** Most calls at once per API function, below Qualys's own limit (2). */
  maxConcurrency?: number;
  /** Injectable pause, so tests need not wait for real seconds. */
  sleep?: (ms: number) => Promise<void>;
  /** Injectable clock for the limit messages' "run again at" time. */
  now?: () => Date;
}

export interface AssetGroup {
  id: string;
  title: string;
  /** IP and IP_RANGE texts as Qualys returns them. */
  ips: string[];
  applianceIds: string[];
  defaultApplianceId?: string;
  businessImpact?: string;
  division?: string;
  comments?: string;
  ownerUserId?: string;
  lastUpdate?: string;
}

export interface AssetGroupFields {
  title: string;
  ips?: string[];
  applianceIds?: string[];
  defaultApplianceId?: string;
  businessImpact?: string;
  division?: string;
  comments?: string;
}

/** `set_…` changes for an asset group; a `setIps` replaces the whole list. */
export interface AssetGroupChanges {
  setTitle?: string;
  setIps?: string[];
  setApplianceIds?: string[];
  setDefaultApplianceId?: string;
  setBusinessImpact?: string;
  setDivision?: string;
  setComments?: string;
}

export interface AssetGroupFilter {
  ids?: string[];
  title?: string;
}

export interface Host {
  id: string;
  ip?: string;
  ipv6?: string;
  dns?: string;
  netbios?: string;
  os?: string;
  trackingMethod?: string;
  lastVmScannedDate?: string;
  lastScanDatetime?: string;
}

export interface HostFilter {
  ids?: string[];
  ips?: string[];
  agIds?: string[];
  /** YYYY-MM-DD */
  noVmScanSince?: string;
}

export type DetectionType = 'Confirmed' | 'Potential' | 'Info';
export type DetectionStatus = 'New' | 'Active' | 'Fixed' | 'Re-Opened';

export interface Detection {
  uniqueVulnId?: string;
  qid: number;
  type: DetectionType;
  severity: number;
  port?: number;
  protocol?: string;
  ssl?: boolean;
  results?: string;
  status?: DetectionStatus;
  firstFound?: string;
  lastFound?: string;
  timesFound?: number;
  isIgnored: boolean;
  isDisabled: boolean;
}

export interface DetectionHost {
  id: string;
  ip?: string;
  ipv6?: string;
  dns?: string;
  netbios?: string;
  os?: string;
  lastScanDatetime?: string;
  lastVmScannedDate?: string;
  detections: Detection[];
}

export interface DetectionFilter {
  status?: string[];
  severities?: number[];
  includeIgnored?: boolean;
  includeDisabled?: boolean;
  showResults?: boolean;
  ids?: string[];
  agIds?: string[];
  agTitles?: string[];
  qids?: number[];
  truncationLimit?: number;
  includeVulnType?: 'confirmed' | 'potential';
}

export interface KbVuln {
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
  lastCustomization?: string;
  isDisabled?: boolean;
  publishedDatetime?: string;
  lastServiceModificationDatetime?: string;
}

export interface KbChanges {
  severity?: number;
  disable?: boolean;
}

export interface Appliance {
  id: string;
  name: string;
  status?: string;
}

export interface OptionProfile {
  id: string;
  title: string;
  isDefault: boolean;
}

export interface ClientStats {
  calls: number;
  byEndpoint: Record<string, number>;
  retries: number;
}

/**
 * Every Qualys call the project makes. Reads retry transient failures;
 * writes never re-send blindly: after an unclear outcome they throw an
 * error with `maybeApplied: true` and the caller re-reads the state.
 */
export interface QualysClient {
  listAssetGroups(filter?: AssetGroupFilter): Promise<AssetGroup[]>;
  addAssetGroup(fields: AssetGroupFields): Promise<string>;
  editAssetGroup(id: string, changes: AssetGroupChanges): Promise<void>;
  deleteAssetGroup(id: string): Promise<void>;
  listHosts(filter?: HostFilter): Promise<Host[]>;
  purgeHosts(ids: string[]): Promise<string[]>;
  streamDetections(filter: DetectionFilter): AsyncIterable<DetectionHost[]>;
  listKb(
    qids: number[],
    options?: { details?: 'Basic' | 'All' },
  ): Promise<KbVuln[]>;
  editKb(qid: number, changes: KbChanges): Promise<void>;
  resetKb(qid: number): Promise<void>;
  listCustomizedKb(): Promise<KbVuln[]>;
  listExcludedIps(): Promise<string[]>;
  addExcludedIps(
    ips: string[],
    comment: string,
    expiryDays?: number,
  ): Promise<void>;
  removeExcludedIps(ips: string[], comment: string): Promise<void>;
  listAppliances(): Promise<Appliance[]>;
  listOptionProfiles(): Promise<OptionProfile[]>;
  stats(): ClientStats;
}

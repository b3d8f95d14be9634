/**
 * A small, hand-made simulator dataset with known values, so client tests
 * can assert exact records.
 */
import {
  emptySimData,
  type SimData,
  type SimDetection,
  type SimHost,
} from '../../../scripts/simulator/data.ts';

export function detection(
  qid: number,
  overrides: Partial<SimDetection> = {},
): SimDetection {
  return {
    uniqueVulnId: String(9_000_000_000 + qid),
    qid,
    type: 'Confirmed',
    severity: 4,
    port: 443,
    protocol: 'tcp',
    ssl: true,
    results: `found ${qid}`,
    status: 'Active',
    firstFound: '2026-10-01T10:00:00Z',
    lastFound: '2026-11-20T10:00:00Z',
    timesFound: 3,
    isIgnored: false,
    isDisabled: false,
    ...overrides,
  };
}

/** Host `n` (1-based): ID 1000+n, IP 10.1.0.n, one detection of QID 38170. */
export function host(n: number, detections?: SimDetection[]): SimHost {
  return {
    id: String(1000 + n),
    ip: `10.1.0.${n}`,
    trackingMethod: 'IP',
    dns: `host${n}.example.edu`,
    os: 'Linux 5.x',
    lastScanDatetime: '2026-11-20T10:05:00Z',
    lastVmScannedDate: '2026-11-20T10:00:00Z',
    detections: detections ?? [detection(38170)],
  };
}

export function sampleData(hostCount = 3): SimData {
  const data = emptySimData();
  data.hosts = Array.from({ length: hostCount }, (_, i) => host(i + 1));
  data.kb = [
    {
      qid: 38170,
      vulnType: 'Vulnerability',
      severity: 2,
      title: 'SSL Certificate - Subject Common Name Does Not Match Server FQDN',
      category: 'General remote services',
      patchable: false,
      cves: [],
      publishedDatetime: '2010-01-01T00:00:00Z',
    },
    {
      qid: 150272,
      vulnType: 'Potential Vulnerability',
      severity: 3,
      title: 'PHP 7 Multiple Vulnerabilities',
      patchable: true,
      solution: 'Upgrade PHP.',
      cves: ['CVE-2019-11041', 'CVE-2019-11042'],
    },
  ];
  data.assetGroups = [
    {
      id: '501',
      title: 'Hand-made group',
      ips: ['10.9.0.1', '10.9.0.10-10.9.0.20'],
      applianceIds: ['77', '78'],
      defaultApplianceId: '77',
      businessImpact: 'High',
      division: 'Research',
      comments: 'kept by hand',
      ownerUserId: '12',
      lastUpdate: '2026-01-02T03:04:05Z',
    },
  ];
  data.excludedIps = [{ ip: '10.5.0.1', comment: 'printer' }];
  data.appliances = [
    { id: '77', name: 'scanner-med', status: 'Online' },
    { id: '78', name: 'scanner-eng', status: 'Offline' },
  ];
  data.optionProfiles = [
    { id: '3', title: 'Initial Options', isDefault: true },
    { id: '4', title: 'Low intensity', isDefault: false },
  ];
  return data;
}

/**
 * Qualys API records (host detections, KnowledgeBase entries) into the
 * findings model. The KB's diagnosis and consequence are what reports call
 * threat and impact.
 */
import type { DetectionHost, KbVuln } from '../qualys/types.ts';
import type { DetectionType, HostDetections, Vulnerability } from './model.ts';

const TYPES: Record<string, DetectionType> = {
  Confirmed: 'confirmed',
  Potential: 'potential',
  Info: 'info',
};

export function fromDetectionHost(host: DetectionHost): HostDetections {
  return {
    host: {
      id: host.id,
      ip: host.ip ?? host.ipv6,
      dns: host.dns,
      os: host.os,
      netbios: host.netbios,
    },
    detections: host.detections.map((d) => ({
      qid: d.qid,
      type: TYPES[d.type] ?? 'info',
      severity: d.severity,
      port: d.port,
      protocol: d.protocol,
      status: d.status,
      firstFound: d.firstFound,
      lastFound: d.lastFound,
      results: d.results,
      isIgnored: d.isIgnored,
      isDisabled: d.isDisabled,
    })),
  };
}

export function fromKbVuln(vuln: KbVuln): Vulnerability {
  return {
    qid: vuln.qid,
    title: vuln.title,
    severity: vuln.severity,
    category: vuln.category,
    threat: vuln.diagnosis,
    impact: vuln.consequence,
    solution: vuln.solution,
    cves: vuln.cves,
  };
}

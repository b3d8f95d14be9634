/**
 * The real scan report export from the shared fixtures, read in place, and
 * a deliberately simple second reading of it (regular expressions, no XML
 * library) so tests compare the pipeline against an independent count.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
);

export const FIXTURES = path.resolve(
  repoRoot,
  '..',
  'shared',
  'fixtures',
  'qualys-public',
);
export const SAMPLE_REPORT = path.join(FIXTURES, 'Qualys_Sample_Report.xml');
export const FIXTURES_MISSING = !existsSync(SAMPLE_REPORT);
export const MISSING_REASON =
  'the shared Qualys fixtures are missing (expected ../shared/fixtures/qualys-public beside the repository)';

export interface PlainDetection {
  ip: string;
  qid: number;
  type: string;
  status: string;
}

/** Every VULN_INFO with its host's IP, and the glossary's severities. */
export function readPlainly(): {
  detections: PlainDetection[];
  severity: Map<number, number>;
} {
  const xml = readFileSync(SAMPLE_REPORT, 'utf8');
  const severity = new Map<number, number>();
  for (const m of xml.matchAll(
    /<VULN_DETAILS id="qid_(\d+)">[\s\S]*?<SEVERITY>(\d)<\/SEVERITY>/g,
  )) {
    severity.set(Number(m[1]), Number(m[2]));
  }
  const detections: PlainDetection[] = [];
  for (const host of xml.matchAll(
    /<HOST>\s*<IP>([^<]+)<\/IP>([\s\S]*?)<\/HOST>/g,
  )) {
    for (const info of host[2].matchAll(
      /<VULN_INFO>([\s\S]*?)<\/VULN_INFO>/g,
    )) {
      const body = info[1];
      detections.push({
        ip: host[1],
        qid: Number(/<QID[^>]*>(\d+)<\/QID>/.exec(body)![1]),
        type: /<TYPE>(\w+)<\/TYPE>/.exec(body)![1],
        status: /<VULN_STATUS>([^<]+)<\/VULN_STATUS>/.exec(body)?.[1] ?? '',
      });
    }
  }
  return { detections, severity };
}

/** Kept findings and systems for some addresses, by the plain reading. */
export function plainCount(
  ips: string[],
  rules: {
    excluded?: number[];
    reclassified?: Map<number, [number, number]>;
  } = {},
): { kept: number; systems: number; bySeverity: Record<number, number> } {
  const { detections, severity } = readPlainly();
  const bySeverity: Record<number, number> = { 3: 0, 4: 0, 5: 0 };
  const systems = new Set<string>();
  let kept = 0;
  for (const d of detections) {
    if (!ips.includes(d.ip) || d.type !== 'Vuln') continue;
    if (!['New', 'Active', 'Re-Opened'].includes(d.status)) continue;
    if (rules.excluded?.includes(d.qid)) continue;
    const move = rules.reclassified?.get(d.qid);
    let level = severity.get(d.qid) ?? 0;
    if (move && move[0] === level) level = move[1];
    if (level < 3) continue;
    kept += 1;
    bySeverity[level] = (bySeverity[level] ?? 0) + 1;
    systems.add(d.ip);
  }
  return { kept, systems: systems.size, bySeverity };
}

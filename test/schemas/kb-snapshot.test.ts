import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';

import { readDocument, repoRoot } from './schema-support.ts';

interface Vuln {
  qid: number;
  title: string;
  severity: number;
  category: string;
  vuln_type: string;
  solution: string;
  unconfirmed: string[];
  source: string;
}

interface Named {
  qid: number;
  title: string;
}

/** The parts of an ASSET_DATA_REPORT export these tests read. */
interface Details {
  QID: { '#text': number };
  TITLE: string;
  SEVERITY: number;
  CATEGORY: string;
  SOLUTION?: string;
}

interface ReportHost {
  VULN_INFO_LIST: { VULN_INFO: { QID: { '#text': number }; TYPE: string }[] };
}

interface Report {
  ASSET_DATA_REPORT: {
    GLOSSARY: { VULN_DETAILS_LIST: { VULN_DETAILS: Details[] } };
    HOST_LIST: { HOST: ReportHost | ReportHost[] };
  };
}

const FIXTURES = join(repoRoot, '..', 'shared', 'fixtures', 'qualys-public');
const REPORT = join(FIXTURES, 'Qualys_Sample_Report.xml');
const fixturesMissing = !existsSync(REPORT);

const vulns = (readDocument('policy/kb-snapshot.yaml') as { vulns: Vuln[] })
  .vulns;
const program = readDocument('policy/program.yaml') as {
  reclassification_criteria: {
    information_disclosure_categories: string[];
    segmentation_only_patterns: string[];
  };
};
const criteria = program.reclassification_criteria;

function named(file: string, key: string): Named[] {
  return (readDocument(file) as Record<string, Named[]>)[key];
}

const ENTITIES: Record<string, string> = {
  quot: '"',
  amp: '&',
  lt: '<',
  gt: '>',
  apos: "'",
  nbsp: ' ',
};

/** KB HTML as the snapshot keeps it: tags removed, entities decoded. */
function plain(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(\w+);/g, (whole, name: string) => ENTITIES[name] ?? whole)
    .replace(/\s+/g, ' ')
    .trim();
}

function segmentationOnly(solution: string): boolean {
  const text = plain(solution);
  return criteria.segmentation_only_patterns.some((p) =>
    new RegExp(p, 'i').test(text),
  );
}

describe('the KB snapshot', () => {
  const policyQids = [
    ...named('policy/excluded-qids.yaml', 'excluded_qids'),
    ...named('policy/reclassifications.yaml', 'reclassifications'),
    ...named('policy/never-ignore.yaml', 'never_ignore'),
  ];

  it.each(policyQids)('holds QID $qid with the policy title', (entry) => {
    const fact = vulns.find((v) => v.qid === entry.qid);

    expect(fact?.title).toBe(entry.title);
  });

  it('holds nothing the policy does not name, in QID order', () => {
    const qids = vulns.map((v) => v.qid);

    expect(qids).toEqual([...qids].sort((a, b) => a - b));
    expect(new Set(qids)).toEqual(new Set(policyQids.map((e) => e.qid)));
  });

  it('lets the reclassified QID meet both criteria', () => {
    const fact = vulns.find((v) => v.qid === 70004)!;

    expect(criteria.information_disclosure_categories).toContain(fact.category);
    expect(segmentationOnly(fact.solution)).toBe(true);
  });

  it.each(named('policy/never-ignore.yaml', 'never_ignore'))(
    'keeps never-ignore QID $qid outside the criteria',
    ({ qid }) => {
      const fact = vulns.find((v) => v.qid === qid)!;

      expect(criteria.information_disclosure_categories).not.toContain(
        fact.category,
      );
      expect(segmentationOnly(fact.solution)).toBe(false);
    },
  );
});

const missingNote = fixturesMissing
  ? ' (skipped: the fixtures folder ../shared/fixtures/qualys-public is missing)'
  : '';

describe.skipIf(fixturesMissing)(
  `the KB snapshot against the public sample scan report${missingNote}`,
  () => {
    const parser = new XMLParser({
      ignoreAttributes: false,
      processEntities: true,
      isArray: (name) => ['VULN_DETAILS', 'VULN_INFO'].includes(name),
    });
    const details = new Map<number, Details>();
    const types = new Map<number, string>();
    if (!fixturesMissing) {
      const report = parser.parse(readFileSync(REPORT, 'utf8')) as Report;
      const root = report.ASSET_DATA_REPORT;
      for (const d of root.GLOSSARY.VULN_DETAILS_LIST.VULN_DETAILS) {
        details.set(d.QID['#text'], d);
      }
      for (const host of [root.HOST_LIST.HOST].flat()) {
        for (const v of host.VULN_INFO_LIST.VULN_INFO) {
          types.set(v.QID['#text'], v.TYPE);
        }
      }
    }
    const fromReport = vulns.filter((v) =>
      v.source.startsWith('Qualys sample scan report'),
    );
    const TYPE_NAMES: Record<string, string> = {
      Vuln: 'Vulnerability',
      Ig: 'Information Gathered',
    };

    it('takes eight entries from the report', () => {
      expect(fromReport.map((v) => v.qid)).toEqual([
        38140, 38601, 38603, 38606, 38628, 38657, 42366, 70004,
      ]);
    });

    it.each(fromReport)('matches the report for QID $qid', (fact) => {
      const d = details.get(fact.qid)!;

      expect(fact.title).toBe(d.TITLE);
      expect(fact.severity).toBe(d.SEVERITY);
      expect(fact.category).toBe(d.CATEGORY);
      expect(fact.solution).toBe(plain(d.SOLUTION ?? ''));
      expect(fact.vuln_type).toBe(TYPE_NAMES[types.get(fact.qid)!]);
      expect(fact.unconfirmed).toEqual(['patchable']);
    });

    it('finds segmentation-only solutions in the report only where due', () => {
      const matching = [...details.entries()]
        .filter(([, d]) => segmentationOnly(d.SOLUTION ?? ''))
        .map(([qid]) => qid);

      expect(details.size).toBe(93);
      expect(matching).toEqual([70004, 82003]);
    });
  },
);

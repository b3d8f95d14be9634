import { describe, expect, it } from 'vitest';

import {
  type SchemaKind,
  compileSchema,
  errorSummary,
  readDocument,
} from './schema-support.ts';

// Cases reach into parsed YAML at any depth to break one value.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type Doc = Record<string, any>;

interface BadCase {
  name: string;
  kind: SchemaKind;
  file: string;
  breakIt: (doc: Doc) => void;
  errors: string[];
}

const PROGRAM = 'policy/program.yaml';
const EXCLUDED = 'policy/excluded-qids.yaml';
const SCANNING = 'policy/scanning.yaml';
const KB = 'policy/kb-snapshot.yaml';
const MED = 'units/med.yaml';

const cases: BadCase[] = [
  {
    name: 'a misspelt top-level key',
    kind: 'program',
    file: PROGRAM,
    breakIt: (d) => {
      d.organisation = d.organization;
      delete d.organization;
    },
    errors: [' required', ' additionalProperties'],
  },
  {
    name: 'remediation days without severity 3',
    kind: 'program',
    file: PROGRAM,
    breakIt: (d) => delete d.remediation_days['3'],
    errors: ['/remediation_days required'],
  },
  {
    name: 'a severity of 6',
    kind: 'program',
    file: PROGRAM,
    breakIt: (d) => (d.reports.severities = [3, 4, 6]),
    errors: ['/reports/severities/2 maximum'],
  },
  {
    name: 'a removal share above 1',
    kind: 'program',
    file: PROGRAM,
    breakIt: (d) => (d.sync.max_removed_share_of_group = 1.5),
    errors: ['/sync/max_removed_share_of_group maximum'],
  },
  {
    name: 'a governance team without @',
    kind: 'program',
    file: PROGRAM,
    breakIt: (d) => (d.governance.team = 'stanford-iso/qualys-governance'),
    errors: ['/governance/team pattern'],
  },
  {
    name: 'a decision date written as MM/DD/YYYY',
    kind: 'excluded-qids',
    file: EXCLUDED,
    breakIt: (d) => (d.excluded_qids[0].decided_on = '03/11/2026'),
    errors: ['/excluded_qids/0/decided_on pattern'],
  },
  {
    name: 'a QID written as text',
    kind: 'excluded-qids',
    file: EXCLUDED,
    breakIt: (d) => (d.excluded_qids[1].qid = '68521'),
    errors: ['/excluded_qids/1/qid type'],
  },
  {
    name: 'an exclusion without review date',
    kind: 'excluded-qids',
    file: EXCLUDED,
    breakIt: (d) => delete d.excluded_qids[2].review_by,
    errors: ['/excluded_qids/2 required'],
  },
  {
    name: 'a reclassification to severity 0',
    kind: 'reclassifications',
    file: 'policy/reclassifications.yaml',
    breakIt: (d) => (d.reclassifications[0].to = 0),
    errors: ['/reclassifications/0/to minimum'],
  },
  {
    name: 'a never-ignore entry with reason instead of why',
    kind: 'never-ignore',
    file: 'policy/never-ignore.yaml',
    breakIt: (d) => {
      d.never_ignore[0].reason = d.never_ignore[0].why;
      delete d.never_ignore[0].why;
    },
    errors: [
      '/never_ignore/0 required',
      '/never_ignore/0 additionalProperties',
    ],
  },
  {
    name: 'option profiles without the lower-intensity one',
    kind: 'scanning',
    file: SCANNING,
    breakIt: (d) => delete d.option_profiles.low_intensity,
    errors: ['/option_profiles required'],
  },
  {
    name: 'a scan exclusion whose ticket is prose',
    kind: 'scanning',
    file: SCANNING,
    breakIt: (d) => (d.exclude_from_scan[1].ticket = 'see mail from Pat'),
    errors: ['/exclude_from_scan/1/ticket pattern'],
  },
  {
    name: 'a fact name that is not a fact',
    kind: 'kb-snapshot',
    file: KB,
    breakIt: (d) => (d.vulns[0].unconfirmed = ['cvss']),
    errors: ['/vulns/0/unconfirmed/0 enum'],
  },
  {
    name: 'an abbreviated vulnerability type',
    kind: 'kb-snapshot',
    file: KB,
    breakIt: (d) => (d.vulns[3].vuln_type = 'Vuln'),
    errors: ['/vulns/3/vuln_type enum'],
  },
  {
    name: 'a master group title without mg-',
    kind: 'unit',
    file: MED,
    breakIt: (d) => (d.master_asset_groups[0].title = 'med-clinical'),
    errors: ['/master_asset_groups/0/title pattern'],
  },
  {
    name: 'a business impact outside the scale',
    kind: 'unit',
    file: MED,
    breakIt: (d) => (d.master_asset_groups[1].business_impact = 'severe'),
    errors: ['/master_asset_groups/1/business_impact enum'],
  },
  {
    name: 'a host name where a range belongs',
    kind: 'unit',
    file: MED,
    breakIt: (d) => (d.master_asset_groups[0].ranges[1] = 'fw.med.example.edu'),
    errors: ['/master_asset_groups/0/ranges/1 pattern'],
  },
  {
    name: 'a unit without master groups',
    kind: 'unit',
    file: MED,
    breakIt: (d) => (d.master_asset_groups = []),
    errors: ['/master_asset_groups minItems'],
  },
  {
    name: 'a contact carrying a mail header',
    kind: 'unit',
    file: MED,
    breakIt: (d) =>
      (d.contacts.executive = ['dean@example.edu\nBcc: all@example.edu']),
    errors: ['/contacts/executive/0 pattern'],
  },
  {
    name: 'a sub-group using the reserved name',
    kind: 'unit',
    file: MED,
    breakIt: (d) =>
      (d.master_asset_groups[1].subgroups[0].name = 'low-intensity'),
    errors: ['/master_asset_groups/1/subgroups/0/name not'],
  },
  {
    name: 'an owner that is not a GitHub handle',
    kind: 'unit',
    file: MED,
    breakIt: (d) => (d.owners = ['med-it']),
    errors: ['/owners/0 pattern'],
  },
];

describe('schemas reject bad documents', () => {
  it.each(cases)(
    '$kind: $name at the right path',
    ({ kind, file, breakIt, errors }) => {
      const doc = readDocument(file) as Doc;
      breakIt(doc);
      const validate = compileSchema(kind);

      expect(validate(doc)).toBe(false);
      expect(errorSummary(validate.errors)).toEqual(errors);
    },
  );
});

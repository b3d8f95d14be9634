/**
 * Every rule `validate` runs, in report order. A new rule is a file in this
 * folder exporting a Rule, added here.
 */
import { addressSpace } from './address-space.ts';
import { codeownersStale } from './codeowners-stale.ts';
import { contacts } from './contacts.ts';
import { decisionFields } from './decision-fields.ts';
import { groupTitles } from './group-titles.ts';
import { insideMaster } from './inside-master.ts';
import { kbChanged } from './kb-changed.ts';
import { qidConflicts } from './qid-conflicts.ts';
import { qidKnown } from './qid-known.ts';
import { rangeClaimedTwice } from './range-claimed-twice.ts';
import { rangeOverlapInUnit } from './range-overlap-in-unit.ts';
import { reclassification } from './reclassification.ts';
import { reviewDates } from './review-dates.ts';
import type { Rule } from './rule.ts';
import { scanExclusion } from './scan-exclusion.ts';
import { scanner } from './scanner.ts';
import { unitIdentity } from './unit-identity.ts';
import { unitWithoutGroup } from './unit-without-group.ts';

export const RULES: Rule[] = [
  unitIdentity,
  unitWithoutGroup,
  groupTitles,
  contacts,
  addressSpace,
  rangeClaimedTwice,
  rangeOverlapInUnit,
  insideMaster,
  scanner,
  qidKnown,
  decisionFields,
  reviewDates,
  qidConflicts,
  reclassification,
  kbChanged,
  scanExclusion,
  codeownersStale,
];

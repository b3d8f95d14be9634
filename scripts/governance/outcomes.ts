/**
 * The governance outcomes: every dated decision of the repository with the
 * commit and pull request that made it. Rendered as Markdown and HTML by
 * outcomes-markdown.ts and outcomes-html.ts.
 */
import {
  readDecisionEntries,
  type DecisionEntry,
  type DecisionKind,
} from './decision-entries.ts';
import { entryHistory, type EntryHistory } from './git-history.ts';

export interface Outcome {
  entry: DecisionEntry;
  history?: EntryHistory;
}

export interface OutcomesPage {
  generatedOn: string;
  /** `owner/name`, for pull request links; absent offline. */
  repository?: string;
  sections: { kind: DecisionKind; heading: string; outcomes: Outcome[] }[];
}

export const SECTION_HEADINGS: Record<DecisionKind, string> = {
  exclusion: 'Global QID exclusions',
  reclassification: 'Severity reclassifications',
  'scan-exclusion': 'Exclude from Scan',
};

/**
 * Reads the decisions at `root` and their git history.
 * @throws InputError when a policy file is not valid YAML.
 */
export async function collectOutcomes(
  root: string,
  options: { today: string; repository?: string },
): Promise<OutcomesPage> {
  const entries = await readDecisionEntries(root);
  const outcomes: Outcome[] = [];
  for (const entry of entries) {
    outcomes.push({
      entry,
      history: await entryHistory(root, entry.file, entry.lines),
    });
  }

  const kinds: DecisionKind[] = [
    'exclusion',
    'reclassification',
    'scan-exclusion',
  ];
  return {
    generatedOn: options.today,
    repository: options.repository,
    sections: kinds.map((kind) => ({
      kind,
      heading: SECTION_HEADINGS[kind],
      outcomes: outcomes.filter((o) => o.entry.kind === kind),
    })),
  };
}

/** The cells every rendering shows, in order, as plain text. */
export function outcomeCells(outcome: Outcome): {
  decision: string;
  decidedOn: string;
  rationale: string;
  reference: string;
  pullRequest?: number;
  mergedOn?: string;
  reviewBy: string;
} {
  const { entry, history } = outcome;
  const move =
    entry.kind === 'reclassification'
      ? ` (severity ${entry.from ?? '?'} → ${entry.to ?? '?'})`
      : '';
  return {
    decision: `${entry.label}${move}`,
    decidedOn: entry.decidedOn,
    rationale: entry.rationale.replace(/\s+/g, ' ').trim(),
    reference: entry.reference,
    pullRequest: history?.introduced.pullRequest,
    mergedOn: history?.introduced.date,
    reviewBy: entry.reviewBy,
  };
}

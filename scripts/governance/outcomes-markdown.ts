/**
 * The outcomes page as Markdown, one table per kind of decision, for the
 * repository and for the monthly meeting's notes.
 */
import { outcomeCells, type OutcomesPage } from './outcomes.ts';

const HEADER =
  '| Decision | Decided on | Rationale | Reference | Pull request | Review by |';
const RULE = '| --- | --- | --- | --- | --- | --- |';

export function renderOutcomesMarkdown(page: OutcomesPage): string {
  const lines = [
    '# Qualys governance outcomes',
    '',
    `Generated on ${page.generatedOn} from the policy repository. Each decision links to the pull request that made it.`,
  ];

  for (const section of page.sections) {
    lines.push('', `## ${section.heading}`, '');
    if (section.outcomes.length === 0) {
      lines.push('None.');
      continue;
    }
    lines.push(HEADER, RULE);
    for (const outcome of section.outcomes) {
      const cells = outcomeCells(outcome);
      const row = [
        cells.decision,
        cells.decidedOn,
        cells.rationale,
        cells.reference,
        pullRequestText(cells.pullRequest, cells.mergedOn, page.repository),
        cells.reviewBy,
      ];
      lines.push(`| ${row.map(cell).join(' | ')} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function pullRequestText(
  pullRequest: number | undefined,
  mergedOn: string | undefined,
  repository: string | undefined,
): string {
  if (pullRequest === undefined)
    return mergedOn ? `direct commit, ${mergedOn}` : 'not committed';
  const link = repository
    ? `[#${pullRequest}](https://github.com/${repository}/pull/${pullRequest})`
    : `#${pullRequest}`;
  return mergedOn ? `${link}, ${mergedOn}` : link;
}

function cell(text: string): string {
  // Angle brackets would otherwise be read as HTML and vanish on GitHub.
  const safe = text.replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return safe.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim() || '—';
}

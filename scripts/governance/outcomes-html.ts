/**
 * The outcomes page as a standalone HTML document, for publishing where
 * the community reads it.
 */
import { outcomeCells, type OutcomesPage } from './outcomes.ts';

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem}' +
  'table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.4rem;text-align:left;vertical-align:top}';

export function renderOutcomesHtml(page: OutcomesPage): string {
  const parts = [
    '<!doctype html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><title>Qualys governance outcomes</title>',
    `<style>${STYLE}</style></head>`,
    '<body>',
    '<h1>Qualys governance outcomes</h1>',
    `<p>Generated on ${escapeHtml(page.generatedOn)} from the policy repository.</p>`,
  ];

  for (const section of page.sections) {
    parts.push(`<h2>${escapeHtml(section.heading)}</h2>`);
    if (section.outcomes.length === 0) {
      parts.push('<p>None.</p>');
      continue;
    }
    parts.push(
      '<table><thead><tr><th>Decision</th><th>Decided on</th><th>Rationale</th>' +
        '<th>Reference</th><th>Pull request</th><th>Review by</th></tr></thead><tbody>',
    );
    for (const outcome of section.outcomes) {
      const cells = outcomeCells(outcome);
      const row = [
        escapeHtml(cells.decision),
        escapeHtml(cells.decidedOn),
        escapeHtml(cells.rationale),
        escapeHtml(cells.reference),
        pullRequestHtml(cells.pullRequest, cells.mergedOn, page.repository),
        escapeHtml(cells.reviewBy),
      ];
      parts.push(`<tr>${row.map((c) => `<td>${c}</td>`).join('')}</tr>`);
    }
    parts.push('</tbody></table>');
  }
  parts.push('</body>', '</html>');
  return `${parts.join('\n')}\n`;
}

function pullRequestHtml(
  pullRequest: number | undefined,
  mergedOn: string | undefined,
  repository: string | undefined,
): string {
  if (pullRequest === undefined) {
    return escapeHtml(
      mergedOn ? `direct commit, ${mergedOn}` : 'not committed',
    );
  }
  const label = `#${pullRequest}`;
  const link = repository
    ? `<a href="https://github.com/${escapeHtml(repository)}/pull/${pullRequest}">${label}</a>`
    : label;
  return mergedOn ? `${link}, ${escapeHtml(mergedOn)}` : link;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * The table an apply ends with: group, action, result, detail.
 */
import type { ApplyResult } from './apply.ts';

export function renderResults(results: ApplyResult[]): string {
  if (results.length === 0) return 'Nothing to apply.\n';
  const rows = [
    ['group', 'action', 'result', 'detail'],
    ...results.map((r) => [r.title, r.action, r.outcome, r.detail]),
  ];
  const widths = [0, 1, 2].map((i) =>
    Math.max(...rows.map((row) => (row[i] ?? '').length)),
  );
  const lines = rows.map((row) =>
    row
      .map((cell, i) => (i < 3 ? cell.padEnd(widths[i] ?? 0) : cell))
      .join('  ')
      .trimEnd(),
  );
  const failed = results.filter((r) => r.outcome !== 'ok').length;
  lines.push('', `${results.length - failed} ok, ${failed} not applied`);
  return `${lines.join('\n')}\n`;
}

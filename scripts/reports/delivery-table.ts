/** The table `vmgov report` ends with: one row per message. */
import type { DeliveryResult } from '../delivery/mail.ts';

export interface TableRow {
  unit: string;
  message: string;
  recipients: number;
  findings: number;
  status: string;
}

/** One row per message; an error's text is kept to one line. */
export function rowFor(result: DeliveryResult, findings: number): TableRow {
  const kind = result.key.split('/').slice(2).join('/');
  const said = result.error ?? result.note;
  const detail = said
    ? `${statusWord(result)}: ${oneLine(said)}`
    : result.status;
  return {
    unit: result.unit,
    message: kind,
    recipients: result.to.length,
    findings,
    status: detail,
  };
}

/*
 * A message some recipients got and others did not reads "failed for 1 of
 * 2", so no one resends to all (the ledger would skip the others anyway).
 */
function statusWord(result: DeliveryResult): string {
  const reached = result.delivered.length + result.skipped.length;
  if (result.status !== 'failed' || reached === 0) return result.status;
  return `failed for ${result.failed.length} of ${result.to.length}`;
}

/** The table as lines; a line break in any cell becomes a space. */
export function formatTable(rows: TableRow[]): string {
  const head = ['unit', 'message', 'recipients', 'findings', 'status'];
  const cells = rows.map((r) =>
    [r.unit, r.message, String(r.recipients), String(r.findings), r.status].map(
      oneLine,
    ),
  );
  const widths = head.map((h, i) =>
    Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)),
  );
  const line = (c: string[]) =>
    c
      .map((v, i) => (i === c.length - 1 ? v : v.padEnd(widths[i] ?? 0)))
      .join('  ');
  return [line(head), ...cells.map(line)].join('\n');
}

// A line break inside a cell would split its row and shift every column.
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

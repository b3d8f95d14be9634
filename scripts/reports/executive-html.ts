/**
 * The executive report as e-mail HTML, written in MJML so it renders in
 * common mail clients. Every value is escaped: titles and host names come
 * from Qualys, not from us.
 */
import mjml2html from 'mjml';

import type { ExecutiveView } from './executive-view.ts';
import { escapeHtml as esc } from './kb-text.ts';

/** A template that MJML refused; a bug in this file, not a user's mistake. */
export class TemplateError extends Error {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = 'TemplateError';
  }
}

const CELL = 'padding:4px 8px;border-bottom:1px solid #ddd';
// Numbers and addresses on one line: a narrow mail window otherwise breaks
// "38601" into "3860" and "1". Titles and DNS names take the rest.
const KEEP = `${CELL};white-space:nowrap`;

/** A column's heading, and whether its cells may break across lines. */
type Column = readonly [heading: string, wraps: boolean];

const VULN_COLUMNS: Column[] = [
  ['QID', false],
  ['Severity', false],
  ['Title', true],
  ['Systems', false],
];
const HOST_COLUMNS: Column[] = [
  ['Address', false],
  ['DNS name', true],
  ['Findings', false],
];

function table(columns: Column[], cells: string[][]): string {
  const style = (i: number) => `style="${columns[i]?.[1] ? CELL : KEEP}"`;
  const head = columns
    .map(([h], i) => `<th align="left" ${style(i)}>${esc(h)}</th>`)
    .join('');
  const body = cells
    .map(
      (row) =>
        `<tr>${row.map((c, i) => `<td ${style(i)}>${esc(c)}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<mj-table><tr>${head}</tr>${body}</mj-table>`;
}

function text(content: string, extra = ''): string {
  return `<mj-text ${extra}>${content}</mj-text>`;
}

function topTables(vulns: string[][], hosts: string[][]): string {
  return (
    text('<h3>Vulnerabilities on most systems</h3>') +
    table(VULN_COLUMNS, vulns) +
    text('<h3>Systems with most findings</h3>') +
    table(HOST_COLUMNS, hosts)
  );
}

/**
 * Renders the view to HTML.
 * @throws TemplateError when MJML reports errors in the template.
 */
export async function executiveHtml(view: ExecutiveView): Promise<string> {
  const severities = view.severities
    .map(
      (s) =>
        `${esc(s.label)}: <b>${s.count}</b>${s.change ? ` (${esc(s.change)})` : ''}`,
    )
    .join('<br/>');
  const vulns = view.topVulnerabilities.map((v) => [
    v.qid,
    v.severity,
    v.title,
    v.hosts,
  ]);
  const hosts = view.topHosts.map((h) => [h.address, h.dns, h.findings]);
  const parts = [
    text(`<h2>${esc(view.heading)}</h2><p>${esc(view.monthLabel)}</p>`),
    text(`<p>${severities}</p><p>${esc(view.totalLine)}</p>`),
    view.changeLine ? text(`<p>${esc(view.changeLine)}</p>`) : '',
    text(`<p><b>${esc(view.overdueLine)}</b></p>`),
    view.noFindingsLine
      ? text(`<p>${esc(view.noFindingsLine)}</p>`)
      : topTables(vulns, hosts),
    view.attachmentLine ? text(`<p>${esc(view.attachmentLine)}</p>`) : '',
    text(`<p>${esc(view.footnote)}</p>`, 'font-size="11px" color="#555"'),
  ];
  const document =
    `<mjml><mj-head><mj-title>${esc(view.subject)}</mj-title>` +
    // System fonts only: MJML's default font is fetched from the web, which
    // mail clients block and which would tell a third party who read it.
    '<mj-attributes><mj-all font-family="Arial, Helvetica, sans-serif" />' +
    '</mj-attributes></mj-head>' +
    `<mj-body><mj-section><mj-column>${parts.join('')}</mj-column></mj-section></mj-body></mjml>`;

  let result: Awaited<ReturnType<typeof mjml2html>>;
  try {
    result = await mjml2html(document, {
      validationLevel: 'strict',
      keepComments: false,
    });
  } catch (error) {
    throw new TemplateError('the executive report template is not valid MJML', {
      cause: error,
    });
  }
  if (result.errors.length > 0) {
    throw new TemplateError(
      `MJML: ${result.errors.map((e) => e.formattedMessage).join('; ')}`,
    );
  }
  return result.html;
}

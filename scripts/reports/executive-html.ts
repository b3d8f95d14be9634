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

const CELL = 'style="padding:4px 8px;border-bottom:1px solid #ddd"';

function rows(cells: string[][], header: string[]): string {
  const head = header
    .map((h) => `<th align="left" ${CELL}>${esc(h)}</th>`)
    .join('');
  const body = cells
    .map(
      (row) =>
        `<tr>${row.map((c) => `<td ${CELL}>${esc(c)}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<tr>${head}</tr>${body}`;
}

function text(content: string, extra = ''): string {
  return `<mj-text ${extra}>${content}</mj-text>`;
}

function topTables(vulns: string[][], hosts: string[][]): string {
  return (
    text('<h3>Vulnerabilities on most systems</h3>') +
    `<mj-table>${rows(vulns, ['QID', 'Severity', 'Title', 'Systems'])}</mj-table>` +
    text('<h3>Systems with most findings</h3>') +
    `<mj-table>${rows(hosts, ['Address', 'DNS name', 'Findings'])}</mj-table>`
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

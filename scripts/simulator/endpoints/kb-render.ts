/**
 * One VULN element of the KnowledgeBase list, in the DTD's element order;
 * the descriptive texts (HTML) only with details=All.
 */
import type { SimKbCustomization, SimKbVuln } from '../data.ts';
import { el, elCdata } from '../xml-render.ts';

export type KbDetails = 'Basic' | 'All' | 'None';

export function renderVuln(
  v: SimKbVuln,
  custom: SimKbCustomization | undefined,
  details: KbDetails,
  showDisabled: boolean,
): string {
  const parts = [
    el('QID', v.qid),
    el('VULN_TYPE', v.vulnType),
    el('SEVERITY_LEVEL', custom?.severity ?? v.severity),
    elCdata('TITLE', v.title),
    el('CATEGORY', v.category),
  ];
  if (custom) {
    parts.push(
      `<LAST_CUSTOMIZATION>${el('DATETIME', custom.datetime)}</LAST_CUSTOMIZATION>`,
    );
  }
  parts.push(
    el('LAST_SERVICE_MODIFICATION_DATETIME', v.lastServiceModificationDatetime),
    el('PUBLISHED_DATETIME', v.publishedDatetime),
    el('PATCHABLE', v.patchable ? 1 : 0),
  );
  if (v.cves.length > 0) {
    const cves = v.cves.map(
      (id) =>
        `<CVE>${elCdata('ID', id)}${elCdata('URL', `http://cve.mitre.org/cgi-bin/cvename.cgi?name=${id}`)}</CVE>`,
    );
    parts.push(`<CVE_LIST>${cves.join('')}</CVE_LIST>`);
  }
  if (details === 'All') {
    parts.push(
      elCdata('DIAGNOSIS', v.diagnosis),
      elCdata('CONSEQUENCE', v.consequence),
      elCdata('SOLUTION', v.solution),
    );
  }
  parts.push('<DISCOVERY><REMOTE>1</REMOTE></DISCOVERY>');
  if (showDisabled) parts.push(el('IS_DISABLED', custom?.disabled ? 1 : 0));
  return `<VULN>${parts.join('')}</VULN>\n`;
}

/**
 * Turns a month's findings into the e-mails to send: per unit, the
 * executive report with the sys-admin PDF attached; per sub-group with
 * contacts, its own part; for ISO, the roll-up with the coverage list.
 */
import type { UnitCounts, MonthCounts } from '../delivery/history.ts';
import type { OutgoingMail } from '../delivery/mail.ts';
import type { MonthFindings, UnitFindings } from '../findings/collect.ts';
import { type Finding, emptyCounts } from '../findings/model.ts';
import { summarize } from '../findings/summary.ts';
import type { PolicyModel } from '../policy/model.ts';
import { executiveHtml } from './executive-html.ts';
import { executiveText } from './executive-text.ts';
import { executiveView } from './executive-view.ts';
import { rollup } from './rollup.ts';
import { type RulesApplied, rulesApplied } from './rules-applied.ts';
import { sysadminPdf } from './sysadmin-pdf.ts';

/** Unit id used in the ledger and outbox for ISO's roll-up. */
export const ISO_UNIT = 'iso';

interface Part {
  key: string;
  /** What the PDF's file name says it covers. */
  pdfName: string;
  unit: string;
  to: string[];
  audience: string;
  findings: Finding[];
  counts: UnitFindings['counts'];
  previous?: UnitCounts;
}

/** Each unit's counts, to keep in the history for next month's change. */
export function monthCounts(result: MonthFindings): MonthCounts {
  const out: MonthCounts = {};
  for (const { unit, findings } of result.units) {
    const s = summarize(findings);
    out[unit.id] = {
      total: s.total,
      bySeverity: {
        '3': s.bySeverity[3],
        '4': s.bySeverity[4],
        '5': s.bySeverity[5],
      },
      systems: s.hostsAffected,
      overdue: s.overdue,
    };
  }
  return out;
}

function parts(
  result: MonthFindings,
  previous: MonthCounts | undefined,
): Part[] {
  const out: Part[] = [];
  for (const { unit, findings, counts, subgroupCounts } of result.units) {
    out.push({
      key: `${result.month}/${unit.id}/executive`,
      pdfName: unit.id,
      unit: unit.id,
      to: [...unit.contacts.executive, ...unit.contacts.sysadmin],
      audience: unit.name,
      findings,
      counts,
      previous: previous?.[unit.id],
    });
    for (const master of unit.masterAssetGroups) {
      for (const sub of master.subgroups) {
        if (sub.sysadmin.length === 0) continue;
        out.push({
          key: `${result.month}/${unit.id}/${sub.title}`,
          pdfName: sub.title,
          unit: unit.id,
          to: sub.sysadmin,
          audience: `${unit.name}, ${sub.title}`,
          findings: findings.filter((f) => f.subgroups?.includes(sub.title)),
          counts: subgroupCounts.get(sub.title) ?? emptyCounts(),
        });
      }
    }
  }
  return out;
}

/** A message and how many findings it reports. */
export interface BuiltMessage {
  mail: OutgoingMail;
  findings: number;
}

/**
 * Renders the month's messages one at a time, ISO's roll-up last. A part
 * that fails to render is reported through `onError` and left out; the
 * others are still rendered.
 */
export async function* renderMessages(
  result: MonthFindings,
  model: PolicyModel,
  previous: MonthCounts | undefined,
  onError: (key: string, unit: string, to: string[], error: unknown) => void,
): AsyncGenerator<BuiltMessage> {
  const { organization } = model.program;
  const from = model.program.reports.sender;
  const rules = rulesApplied(model);

  for (const part of parts(result, previous)) {
    let mail: OutgoingMail;
    try {
      mail = await renderPart(part, result, { organization, from, rules });
    } catch (error) {
      onError(part.key, part.unit, part.to, error);
      continue;
    }
    yield { mail, findings: part.findings.length };
  }

  const iso = rollup(result, organization);
  const total = result.units.reduce((n, u) => n + u.findings.length, 0);
  yield {
    mail: {
      key: `${result.month}/${ISO_UNIT}/rollup`,
      unit: ISO_UNIT,
      to: model.program.governance.isoRecipients,
      from,
      subject: iso.subject,
      html: iso.html,
      text: iso.text,
      attachments: iso.attachments,
    },
    findings: total,
  };
}

/** Every message of the month at once; see `renderMessages`. */
export async function buildMessages(
  ...args: Parameters<typeof renderMessages>
): Promise<BuiltMessage[]> {
  const messages: BuiltMessage[] = [];
  for await (const message of renderMessages(...args)) messages.push(message);
  return messages;
}

async function renderPart(
  part: Part,
  result: MonthFindings,
  common: { organization: string; from: string; rules: RulesApplied },
): Promise<OutgoingMail> {
  const { organization, from, rules } = common;
  const filename = `sysadmin-${part.pdfName}-${result.month}.pdf`;
  const pdf = await sysadminPdf({
    organization,
    audience: part.audience,
    month: result.month,
    monthEnd: result.monthEnd,
    findings: part.findings,
    counts: part.counts,
    vulnerabilities: result.vulnerabilities,
    rules,
  });
  const view = executiveView({
    organization,
    audience: part.audience,
    month: result.month,
    summary: summarize(part.findings),
    counts: part.counts,
    vulnerabilities: result.vulnerabilities,
    previous: part.previous,
    attachment: filename,
  });
  return {
    key: part.key,
    unit: part.unit,
    to: part.to,
    from,
    subject: view.subject,
    html: await executiveHtml(view),
    text: executiveText(view),
    attachments: [{ filename, content: pdf, contentType: 'application/pdf' }],
  };
}

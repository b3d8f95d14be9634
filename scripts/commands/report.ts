/**
 * `vmgov report`: the monthly reports. Findings come from the live API, a
 * scan report export or offline detection files; each unit's e-mail goes
 * to the outbox (default) or through SMTP, once per recipient and month.
 * Exit 1 when any message failed; the others are still delivered.
 */
import path from 'node:path';

import type { Command } from 'commander';

import { deliver } from '../delivery/deliver.ts';
import { readMonthCounts, writeMonthCounts } from '../delivery/history.ts';
import { openLedger } from '../delivery/ledger.ts';
import { checkOutboxFolder } from '../delivery/outbox.ts';
import type { DeliveryResult } from '../delivery/mail.ts';
import { checkSmtpUrl } from '../delivery/smtp.ts';
import { openStateStore } from '../delivery/state-store.ts';
import { setting } from '../env.ts';
import { UsageError } from '../errors.ts';
import { collectFindings } from '../findings/collect.ts';
import { checkMonthData } from '../findings/data-checks.ts';
import { lastEndedMonth, previousMonth } from '../findings/deadline.ts';
import { log } from '../output/logger.ts';
import { print } from '../output/print.ts';
import { loadPolicyOrThrow } from '../policy/load.ts';
import { monthCounts, renderMessages } from '../reports/build-messages.ts';
import { formatTable, rowFor } from '../reports/delivery-table.ts';
import type { Outcome } from './index.ts';
import { addQualysOptions } from './qualys-connection.ts';
import { openReportSource, type SourceOptions } from './report-source.ts';

export interface ReportOptions extends SourceOptions {
  root: string;
  month?: string;
  outbox?: string;
  smtp?: string;
  resend?: boolean;
}

// Years 19xx and 20xx only: JavaScript dates read 0000 to 0099 as 1900 to
// 1999, and no Qualys scan is older than that.
const MONTH = /^(19|20)\d{2}-(0[1-9]|1[0-2])$/;

export function register(program: Command, outcome: Outcome): void {
  const command = program
    .command('report')
    .description(
      'build the monthly executive and sys-admin reports and deliver them',
    )
    .option('--root <dir>', 'the policy repository root', '.')
    .option(
      '--month <YYYY-MM>',
      'the month reported (default: the one that just ended)',
    )
    .option(
      '--outbox <dir>',
      'write messages here (default: out/reports under the root)',
    )
    .option('--smtp <url>', 'send through this SMTP server (default: SMTP_URL)')
    .option(
      '--resend',
      'send again to recipients the ledger says have the message',
    )
    .option('--detections <file...>', 'offline host list detection XML files')
    .option(
      '--kb <file...>',
      'offline KnowledgeBase XML files (with --detections)',
    )
    .option(
      '--scan-report <file>',
      'a scan report export (ASSET_DATA_REPORT XML)',
    );
  addQualysOptions(command).action(async (options: ReportOptions) => {
    outcome.code = await runReport(options);
  });
}

/**
 * Runs the monthly report and returns the exit code.
 * @throws UsageError for a bad month or conflicting sources; InputError for
 * an invalid policy or input file; Qualys errors from the live API.
 */
export async function runReport(
  options: ReportOptions,
  env = process.env,
): Promise<number> {
  const month = options.month ?? lastEndedMonth(today(env));
  if (!MONTH.test(month)) {
    throw new UsageError(`--month "${month}" is not a month`, {
      hint: 'write it as YYYY-MM, e.g. 2026-11',
    });
  }
  const latest = lastEndedMonth(today(env));
  if (month > latest) {
    // Deadlines and "overdue" are counted at the month's end: a month that
    // has not ended yet would report findings as late that are not.
    throw new UsageError(`--month ${month} has not ended yet`, {
      hint: `report a month that has ended, at the latest ${latest}`,
    });
  }
  const smtpUrl = options.smtp ?? setting(env, 'SMTP_URL');
  const outbox =
    options.outbox ??
    (smtpUrl ? undefined : path.join(options.root, 'out', 'reports'));

  if (outbox !== undefined) await checkOutboxFolder(outbox);
  // Checked before the findings are collected, which can take long.
  const smtpOrigin = options.smtp === undefined ? 'SMTP_URL' : '--smtp';
  if (smtpUrl !== undefined) checkSmtpUrl(smtpUrl, smtpOrigin);

  const model = await loadPolicyOrThrow(options.root);
  const store = openStateStore({ root: options.root, env });
  // Read before the findings are collected, which can take long: an
  // unreadable history or ledger is then found at once.
  const previous = await readMonthCounts(store, previousMonth(month));
  const ledger = openLedger(store);
  await ledger.entries(month);
  const source = await openReportSource(options, model, store);
  let result;
  try {
    result = await collectFindings(source.source, model, month);
  } finally {
    await source.close();
  }
  checkMonthData(result, source.source.name, today(env));
  log.info('findings collected', {
    month,
    kept: result.totals.kept,
    excluded: result.totals.excluded,
  });
  await writeMonthCounts(store, month, monthCounts(result));

  // Each message is rendered, delivered and let go before the next, so a
  // month of PDFs never sits in memory together.
  const failures: DeliveryResult[] = [];
  const findings = new Map<string, number>();
  const messages = async function* () {
    const rendered = renderMessages(result, model, previous, (...failed) =>
      failures.push(notRendered(...failed)),
    );
    for await (const message of rendered) {
      findings.set(message.mail.key, message.findings);
      yield message.mail;
    }
  };
  const results = await deliver(messages(), {
    outbox,
    smtpUrl,
    smtpOrigin,
    ledger,
    resend: options.resend,
  });

  const all = [...results, ...failures];
  print(formatTable(all.map((r) => rowFor(r, findings.get(r.key) ?? 0))));
  return all.some((r) => r.status === 'failed') ? 1 : 0;
}

function notRendered(
  key: string,
  unit: string,
  to: string[],
  error: unknown,
): DeliveryResult {
  const reason = error instanceof Error ? error.message : String(error);
  log.error('report not built', { key, error: reason });
  return {
    key,
    unit,
    to,
    status: 'failed',
    delivered: [],
    skipped: [],
    failed: to,
    error: reason,
  };
}

function today(env: NodeJS.ProcessEnv): Date {
  const given = env.VMGOV_TODAY;
  return given && !Number.isNaN(Date.parse(given))
    ? new Date(given)
    : new Date();
}

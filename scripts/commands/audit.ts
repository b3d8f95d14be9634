/**
 * `vmgov audit ignored`: every ignored detection in the subscription, by
 * unit, with never-ignore QIDs and severity 4/5 flagged; the audit goes to
 * ISO through the report delivery (the outbox unless --smtp is given).
 */
import type { Command } from 'commander';

import { deliver } from '../delivery/deliver.ts';
import { openLedger } from '../delivery/ledger.ts';
import { checkOutboxFolder } from '../delivery/outbox.ts';
import { checkSmtpUrl } from '../delivery/smtp.ts';
import { openStateStore } from '../delivery/state-store.ts';
import { setting } from '../env.ts';
import { loadModel, todayFor } from '../governance/context.ts';
import { auditMail, auditText } from '../governance/ignored-audit-mail.ts';
import {
  collectIgnored,
  fillTitles,
  IGNORED_FILTER,
} from '../governance/ignored-audit.ts';
import { unitLookup } from '../governance/unit-index.ts';
import { log } from '../output/logger.ts';
import { print } from '../output/print.ts';
import type { Outcome } from './index.ts';
import {
  addQualysOptions,
  openQualys,
  type QualysOptions,
} from './qualys-connection.ts';

interface AuditOptions extends QualysOptions {
  root: string;
  outbox?: string;
  smtp?: string;
  resend?: boolean;
}

export function register(program: Command, outcome: Outcome): void {
  const audit = program
    .command('audit')
    .description('audits of the Qualys subscription');
  addQualysOptions(
    audit
      .command('ignored')
      .description(
        'ignored detections by unit, flagged ones first, sent to ISO',
      )
      .option('--root <dir>', 'the policy repository root', '.')
      .option('--outbox <dir>', 'write the message here (default out/reports)')
      .option(
        '--smtp <url>',
        'send through this SMTP server (default: SMTP_URL)',
      )
      .option('--resend', 'send again even if the ledger says it was sent'),
  ).action(async (options: AuditOptions) => {
    outcome.code = await ignored(options);
  });
}

/** @throws UsageError for an unusable SMTP URL, before anything is sent. */
async function ignored(options: AuditOptions): Promise<number> {
  const smtpUrl = options.smtp ?? setting(process.env, 'SMTP_URL');
  const smtpOrigin = options.smtp === undefined ? 'SMTP_URL' : '--smtp';
  // Checked before Qualys is read, which can take long.
  if (options.outbox !== undefined) await checkOutboxFolder(options.outbox);
  if (smtpUrl !== undefined) checkSmtpUrl(smtpUrl, smtpOrigin);
  const today = todayFor();
  const model = await loadModel(options.root, today);
  const qualys = await openQualys(options, options.root);
  let found;
  try {
    found = await collectIgnored(
      qualys.client.streamDetections(IGNORED_FILTER),
      model,
      unitLookup(model),
    );
    await fillTitles(found, qualys.client);
  } finally {
    await qualys.close();
  }
  print(auditText(found, today));

  const store = openStateStore({ root: options.root });
  const [result] = await deliver([auditMail(found, model, today)], {
    outbox: options.outbox,
    smtpUrl,
    smtpOrigin,
    ledger: openLedger(store),
    resend: options.resend,
  });
  log.info('ignored audit delivered', {
    status: result?.status,
    to: result?.to.join(','),
  });
  return result?.status === 'failed' ? 1 : 0;
}

/**
 * What the reports and governance rooms hand to delivery: one e-mail per
 * unit and kind, keyed `YYYY-MM/<unit>/<kind>`.
 */

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface OutgoingMail {
  /** `YYYY-MM/<unit>/<kind>`, e.g. `2026-11/med-it/executive`. */
  key: string;
  unit: string;
  to: string[];
  from: string;
  subject: string;
  html: string;
  text: string;
  attachments?: MailAttachment[];
}

export type DeliveryStatus =
  'written' | 'sent' | 'skipped-already-sent' | 'planned' | 'failed';

export interface DeliveryResult {
  key: string;
  unit: string;
  to: string[];
  status: DeliveryStatus;
  /** Recipients this run delivered to (SMTP) or wrote for (outbox). */
  delivered: string[];
  /** Recipients left out because the ledger says they already have it. */
  skipped: string[];
  /** Recipients the server refused or that could not be reached. */
  failed: string[];
  /** Files written, relative to the outbox folder. */
  files?: string[];
  error?: string;
  /** Said beside the status when there is no error (e.g. content changed). */
  note?: string;
}

/** Messages shaped like the reports room's, for the delivery tests. */
import type { OutgoingMail } from '../../scripts/delivery/mail.ts';

export function executiveMail(
  unit: string,
  to: string[],
  overrides: Partial<OutgoingMail> = {},
): OutgoingMail {
  return {
    key: `2026-11/${unit}/executive`,
    unit,
    to,
    from: 'ISO Vulnerability Management <vm-reports@example.edu>',
    subject: `Vulnerability report for ${unit}, November 2026`,
    html: `<p>${unit}: 12 confirmed findings</p>`,
    text: `${unit}: 12 confirmed findings`,
    attachments: [
      {
        filename: `${unit}-sysadmin-2026-11.pdf`,
        content: Buffer.from(`%PDF-1.7 ${unit}`),
        contentType: 'application/pdf',
      },
    ],
    ...overrides,
  };
}

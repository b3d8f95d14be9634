import { describe, expect, it } from 'vitest';

import { buildMessages } from '../../scripts/reports/build-messages.ts';
import { buildPolicy, MED_WITH_LAB } from '../findings/policy-fixture.ts';
import { HOSTILE_TITLE, hostileMonth } from './hostile-kb.ts';
import { pdfText } from './pdf-text.ts';

const policy = buildPolicy({
  units: [MED_WITH_LAB],
  isoRecipients: ['iso@example.edu'],
});

async function build() {
  const errors: string[] = [];
  const built = await buildMessages(
    hostileMonth(policy),
    policy,
    undefined,
    (key) => errors.push(key),
  );
  return { built, errors };
}

describe('buildMessages', () => {
  it('builds the unit, sub-group and ISO messages with their recipients', async () => {
    const { built, errors } = await build();

    expect(errors).toEqual([]);
    expect(built.map((b) => [b.mail.key, b.mail.to, b.findings])).toEqual([
      [
        '2026-10/med/executive',
        ['head@med.example.edu', 'admins@med.example.edu'],
        1,
      ],
      ['2026-10/med/sg-med--lab', ['lab@med.example.edu'], 0],
      ['2026-10/iso/rollup', ['iso@example.edu'], 1],
    ]);
    expect(built[0].mail.attachments!.map((a) => a.filename)).toEqual([
      'sysadmin-med-2026-10.pdf',
    ]);
  });

  it('renders hostile KB and host text as harmless text in the HTML', async () => {
    const { built } = await build();
    const html = built[0].mail.html;
    const iso = built[2].mail.html;

    expect(html).not.toMatch(/<script|<img|<iframe|<b>title/i);
    expect(html).toContain(
      '&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;Bad &amp; &quot;quoted&quot;',
    );
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;.example.edu');
    expect(iso).not.toMatch(/<u>/);
    expect(iso).toContain('&lt;u&gt;x&lt;/u&gt;');
  });

  it('loads nothing from the web when the mail is opened', async () => {
    const { built } = await build();

    for (const { mail } of built) {
      expect(mail.html).not.toMatch(/@import|<link|fonts\.googleapis/i);
    }
    expect(built[0].mail.html).toContain(
      'font-family:Arial, Helvetica, sans-serif',
    );
  });

  it('says the exact numbers in the plain-text part', async () => {
    const { built } = await build();
    const text = built[0].mail.text;

    expect(text).toContain('Severity 5: 1\nSeverity 4: 0\nSeverity 3: 0\n');
    expect(text).toContain(
      '1 confirmed vulnerability of severity 3, 4 or 5 on 1 system.',
    );
    expect(text).toContain(
      '1 finding past the remediation deadline at the end of October 2026.',
    );
    expect(text).toContain(
      `  QID 900001 (severity 5) ${HOSTILE_TITLE}: 1 system\n`,
    );
    expect(text).toContain(
      'Governance decisions applied: 1 finding left out (ISO excluded QIDs), 1 finding reclassified to another severity.',
    );
  });

  it('puts the KB text in the PDF as plain text', async () => {
    const { built } = await build();
    const text = await pdfText(built[0].mail.attachments![0].content);

    expect(text).toContain('Attackers can read <secrets> & more');
    expect(text).toContain('click then read this (https://example.org/fix)');
    expect(text).toContain('upgrade to 2.0 <now>');
    expect(text).not.toMatch(/javascript:|document\.cookie|body\{\}/);
    expect(text).toContain(
      '10.1.0.5 | <img src=x onerror=alert(1)>.example.edu | Linux &amp; friends | port 443/tcp',
    );
    expect(text.replace(/\s+/g, ' ')).toContain(
      'first found 2026-10-01 | due 2026-10-08 | 23 days overdue',
    );
    expect(text).toContain('Past the remediation deadline on 2026-10-31: 1');
  });

  it('gives identical PDF bytes on a re-run', async () => {
    const first = await build();
    const second = await build();

    const a = first.built[0].mail.attachments![0].content;
    const b = second.built[0].mail.attachments![0].content;
    expect(a.equals(b)).toBe(true);
  });
});

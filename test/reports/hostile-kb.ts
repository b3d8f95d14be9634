/**
 * A month of findings whose KnowledgeBase text and host names try to
 * smuggle markup into the reports.
 */
import type { MonthFindings } from '../../scripts/findings/collect.ts';
import { emptyCounts, type Finding } from '../../scripts/findings/model.ts';
import type { PolicyModel } from '../../scripts/policy/model.ts';

export const HOSTILE_TITLE =
  '<script>alert("title")</script>Bad & "quoted" <b>title';

export function hostileMonth(model: PolicyModel): MonthFindings {
  const unit = model.units[0];
  const host = {
    id: '101',
    ip: '10.1.0.5',
    dns: '<img src=x onerror=alert(1)>.example.edu',
    os: 'Linux &amp; friends',
  };
  const finding: Finding = {
    host,
    qid: 900001,
    severity: 5,
    port: 443,
    protocol: 'tcp',
    status: 'Active',
    firstFound: '2026-10-01T00:00:00Z',
    evidence: '<iframe src="//evil">evidence</iframe>',
    dueDate: '2026-10-08',
    daysOverdue: 23,
    masterGroup: unit.masterAssetGroups[0].title,
  };
  const counts = {
    ...emptyCounts(),
    hosts: 1,
    seen: 3,
    kept: 1,
    excluded: 1,
    reclassified: 1,
  };
  return {
    month: '2026-10',
    monthEnd: '2026-10-31',
    hosts: 2,
    repeatedHosts: 0,
    units: [{ unit, findings: [finding], counts, subgroupCounts: new Map() }],
    uncovered: [
      {
        host: { id: '9', ip: '10.9.9.9', dns: '<u>x</u>' },
        findings: 2,
        inAddressSpace: true,
      },
    ],
    vulnerabilities: new Map([
      [
        900001,
        {
          qid: 900001,
          title: HOSTILE_TITLE,
          severity: 5,
          category: 'Web <Application>',
          threat:
            'Attackers <script>document.cookie</script>can <B>read</B> &lt;secrets&gt; &amp; more<P>Second paragraph',
          impact:
            '<a href="javascript:alert(1)">click</a> then <a href="https://example.org/fix">read this</a>',
          solution:
            'Unclosed <div onmouseover="x" <style>body{}</style> upgrade to 2.0 &#x3C;now&#62;',
          cves: ['CVE-2026-0001'],
        },
      ],
    ]),
    totals: counts,
  };
}

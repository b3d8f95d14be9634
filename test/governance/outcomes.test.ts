import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { renderOutcomesHtml } from '../../scripts/governance/outcomes-html.ts';
import { renderOutcomesMarkdown } from '../../scripts/governance/outcomes-markdown.ts';
import {
  collectOutcomes,
  type OutcomesPage,
} from '../../scripts/governance/outcomes.ts';
import { createGitFixture, type GitFixture } from './git-fixture.ts';

const EXCLUSION_68521 = `  - qid: 68521
    title: NFS-Utils Xlog Remote Buffer Overrun Vulnerability
    rationale: Common false positive on patched NFS servers.
    decided_on: 2018-11-15
    decision: governance 2018-11
    review_by: 2027-11-30
`;
const EXCLUSION_43393 = `  - qid: 43393
    title: IPMI 2.0 RAKP Authentication Remote Password Hash Retrieval
    rationale: BMC networks are isolated | reviewed yearly.
    decided_on: 2026-10-08
    decision: governance 2026-10
    review_by: 2027-10-31
`;
const RECLASSIFICATION = `reclassifications:
  - qid: 42414
    title: IPMI Detected
    from: 3
    to: 2
    rationale: Information disclosure; the remedy is segmentation.
    decided_on: 2018-11-15
    decision: governance 2018-11
    review_by: 2027-01-31
`;
const SCANNING = `option_profiles:
  default: ISO Official 3/4/5 (Site-wide)
exclude_from_scan:
  - ranges: [10.20.0.5, 10.20.0.6]
    unit: med-it
    reason: Infusion pump controller <crashes> under scan
    ticket: INC0012345
    added_on: 2026-06-02
    review_by: 2026-12-31
`;

describe('collectOutcomes', () => {
  let repo: GitFixture;
  let page: OutcomesPage;

  beforeAll(async () => {
    repo = createGitFixture();
    repo.write(
      'policy/excluded-qids.yaml',
      `excluded_qids:\n${EXCLUSION_68521}`,
    );
    repo.write('policy/scanning.yaml', SCANNING);
    repo.commit('Start the policy repository', '2024-02-28');

    repo.git('checkout', '-q', '-b', 'reclassify-42414');
    repo.write('policy/reclassifications.yaml', RECLASSIFICATION);
    repo.commit('Reclassify QID 42414 to severity 2', '2026-03-04');
    repo.git('checkout', '-q', 'main');
    repo.write(
      'policy/excluded-qids.yaml',
      `excluded_qids:\n${EXCLUSION_68521}${EXCLUSION_43393}`,
    );
    repo.commit('Exclude QID 43393 globally (#15)', '2026-10-09');
    repo.git(
      'merge',
      '--no-ff',
      '-q',
      '-m',
      'Merge pull request #12 from iso/reclassify-42414',
      'reclassify-42414',
    );

    page = await collectOutcomes(repo.root, {
      today: '2026-12-03',
      repository: 'iso/vmgov',
    });
  });

  afterAll(() => repo.remove());

  it('lists every decision of the repository with the pull request that made it', () => {
    const rows = page.sections.flatMap((s) =>
      s.outcomes.map((o) => [
        o.entry.label,
        o.history?.introduced.pullRequest,
        o.history?.introduced.date,
      ]),
    );

    expect(rows).toEqual([
      [
        'QID 68521 NFS-Utils Xlog Remote Buffer Overrun Vulnerability',
        undefined,
        '2024-02-28',
      ],
      [
        'QID 43393 IPMI 2.0 RAKP Authentication Remote Password Hash Retrieval',
        15,
        '2026-10-09',
      ],
      ['QID 42414 IPMI Detected', 12, '2026-03-04'],
      ['10.20.0.5, 10.20.0.6 (med-it)', undefined, '2024-02-28'],
    ]);
  });

  it('renders a Markdown table row per decision with escaped cells and links', () => {
    const markdown = renderOutcomesMarkdown(page);

    expect(
      markdown
        .split('\n')
        .filter(
          (l) =>
            l.startsWith('| ') &&
            !l.startsWith('| Decision') &&
            !l.startsWith('| ---'),
        ),
    ).toEqual([
      '| QID 68521 NFS-Utils Xlog Remote Buffer Overrun Vulnerability | 2018-11-15 | Common false positive on patched NFS servers. | governance 2018-11 | direct commit, 2024-02-28 | 2027-11-30 |',
      '| QID 43393 IPMI 2.0 RAKP Authentication Remote Password Hash Retrieval | 2026-10-08 | BMC networks are isolated \\| reviewed yearly. | governance 2026-10 | [#15](https://github.com/iso/vmgov/pull/15), 2026-10-09 | 2027-10-31 |',
      '| QID 42414 IPMI Detected (severity 3 → 2) | 2018-11-15 | Information disclosure; the remedy is segmentation. | governance 2018-11 | [#12](https://github.com/iso/vmgov/pull/12), 2026-03-04 | 2027-01-31 |',
      '| 10.20.0.5, 10.20.0.6 (med-it) | 2026-06-02 | Infusion pump controller &lt;crashes&gt; under scan | INC0012345 | direct commit, 2024-02-28 | 2026-12-31 |',
    ]);
  });

  it('escapes HTML in the published page', () => {
    const html = renderOutcomesHtml(page);

    expect(html).toContain(
      '<td>Infusion pump controller &lt;crashes&gt; under scan</td>',
    );
    expect(html).toContain(
      '<a href="https://github.com/iso/vmgov/pull/15">#15</a>, 2026-10-09',
    );
    expect(html.match(/<tr><td>/g)).toHaveLength(4);
  });

  it('shows decisions without history when the folder is not a git repository', async () => {
    const bare = createGitFixture();
    bare.write(
      'policy/excluded-qids.yaml',
      `excluded_qids:\n${EXCLUSION_68521}`,
    );
    bare.write('policy/reclassifications.yaml', 'reclassifications: []\n');
    bare.write('policy/scanning.yaml', 'exclude_from_scan: []\n');
    const offline = await collectOutcomes(bare.root, { today: '2026-12-03' });
    bare.remove();

    expect(offline.sections[0]?.outcomes.map((o) => o.history)).toEqual([
      undefined,
    ]);
  });
});

import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';

import { describe, expect, it } from 'vitest';

import { collectFindings } from '../../scripts/findings/collect.ts';
import { checkMonthData } from '../../scripts/findings/data-checks.ts';
import { detectionPagesSource } from '../../scripts/findings/detection-file-source.ts';
import {
  emptyCounts,
  type Vulnerability,
} from '../../scripts/findings/model.ts';
import { buildMessages } from '../../scripts/reports/build-messages.ts';
import { buildPolicy, MED_WITH_LAB } from './policy-fixture.ts';

const policy = buildPolicy({
  units: [MED_WITH_LAB],
  excluded: [105459],
  reclassified: [{ qid: 70004, from: 3, to: 2 }],
  isoRecipients: ['iso@example.edu'],
});

interface PageDetection {
  qid: number | string;
  severity: number | string;
  results?: string;
  firstFound?: string;
}

function hostXml(id: number, ip: string, detections: PageDetection[]) {
  const list = detections
    .map(
      (d) =>
        `<DETECTION><QID>${d.qid}</QID><TYPE>Confirmed</TYPE>` +
        `<SEVERITY>${d.severity}</SEVERITY><STATUS>Active</STATUS>` +
        `<RESULTS><![CDATA[${d.results ?? 'seen'}]]></RESULTS>` +
        `<FIRST_FOUND_DATETIME>${d.firstFound ?? '2026-10-01T03:00:00Z'}` +
        '</FIRST_FOUND_DATETIME>' +
        '<IS_IGNORED>0</IS_IGNORED><IS_DISABLED>0</IS_DISABLED></DETECTION>',
    )
    .join('');
  return (
    `<HOST><ID>${id}</ID><IP>${ip}</IP><TRACKING_METHOD>IP</TRACKING_METHOD>` +
    `<DNS><![CDATA[host-${id}.med.example.edu]]></DNS>` +
    `<DETECTION_LIST>${list}</DETECTION_LIST></HOST>`
  );
}

function page(hosts: string[], nextIdMin?: number): string {
  // What Qualys appends when the list goes on past this page.
  const warning =
    nextIdMin === undefined
      ? ''
      : '<WARNING><CODE>1980</CODE><TEXT>1 record limit exceeded.</TEXT>' +
        '<URL><![CDATA[https://qualysapi.example/api/2.0/fo/asset/host/vm/' +
        `detection/?action=list&id_min=${nextIdMin}]]></URL></WARNING>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" ?><HOST_LIST_VM_DETECTION_OUTPUT>' +
    `<RESPONSE><HOST_LIST>${hosts.join('')}</HOST_LIST>${warning}` +
    '</RESPONSE></HOST_LIST_VM_DETECTION_OUTPUT>'
  );
}

function sourceOf(pages: () => Iterable<string>) {
  return detectionPagesSource(
    'test pages',
    function* () {
      for (const xml of pages()) yield { origin: 'test page', xml };
    },
    () => Promise.resolve(new Map<number, Vulnerability>()),
  );
}

const month = () =>
  collectFindings(
    sourceOf(() => [
      page([
        hostXml(1, '10.1.0.5', [
          { qid: 90001, severity: 4 },
          { qid: 105459, severity: 3 },
        ]),
        hostXml(2, '10.1.0.130', [
          { qid: 90001, severity: 5 },
          { qid: 105459, severity: 3 },
          { qid: 70004, severity: 3 },
        ]),
        hostXml(3, '10.9.9.9', [{ qid: 90001, severity: 4 }]),
      ]),
    ]),
    policy,
    '2026-10',
  );

describe('collectFindings', () => {
  it.each([
    [{ qid: 'abc', severity: 4 }, 'DETECTION QID is "abc", not a number'],
    [{ qid: 90001, severity: 9 }, 'DETECTION SEVERITY is 9, not 1 to 5'],
    [
      { qid: 90001, severity: 4, firstFound: 'not-a-date' },
      'FIRST_FOUND_DATETIME is "not-a-date", not a date',
    ],
    [
      { qid: 90001, severity: 4, firstFound: '2026-02-30T03:00:00Z' },
      'FIRST_FOUND_DATETIME is "2026-02-30T03:00:00Z", not a date',
    ],
    // Month 13 is an Invalid Date, which once threw a RangeError here.
    [
      { qid: 90001, severity: 4, firstFound: '2026-13-45T03:00:00Z' },
      'FIRST_FOUND_DATETIME is "2026-13-45T03:00:00Z", not a date',
    ],
  ])('refuses a page with %j, naming it', async (detection, reason) => {
    const source = sourceOf(() => [
      page([hostXml(1, '10.1.0.5', [detection])]),
    ]);

    await expect(collectFindings(source, policy, '2026-10')).rejects.toThrow(
      `test page: not a host list detection page: HOST 1: ${reason}`,
    );
  });

  it('counts governance decisions per unit and per sub-group', async () => {
    const result = await month();
    const [med] = result.units;

    expect(med.counts).toEqual({
      ...emptyCounts(),
      hosts: 2,
      seen: 5,
      kept: 2,
      excluded: 2,
      reclassified: 1,
      otherSeverity: 1,
    });
    expect([...med.subgroupCounts]).toEqual([
      [
        'sg-med--lab',
        {
          ...emptyCounts(),
          hosts: 1,
          seen: 3,
          kept: 1,
          excluded: 1,
          reclassified: 1,
          otherSeverity: 1,
        },
      ],
    ]);
    expect(med.findings.map((f) => [f.host.ip, f.qid, f.subgroups])).toEqual([
      ['10.1.0.5', 90001, []],
      ['10.1.0.130', 90001, ['sg-med--lab']],
    ]);
    expect(result.uncovered).toEqual([
      {
        host: {
          id: '3',
          ip: '10.9.9.9',
          dns: 'host-3.med.example.edu',
          os: undefined,
          netbios: undefined,
        },
        findings: 1,
        inAddressSpace: false,
      },
    ]);
    expect(result.totals).toMatchObject({ seen: 6, kept: 3, excluded: 2 });
  });

  it("writes the sub-group's own governance counts in its footnote", async () => {
    const built = await buildMessages(await month(), policy, undefined, () => {
      throw new Error('no message may fail');
    });
    const texts = new Map(built.map((b) => [b.mail.key, b.mail.text]));

    expect(texts.get('2026-10/med/executive')).toContain(
      'Governance decisions applied: 2 findings left out (ISO excluded ' +
        'QIDs), 1 finding reclassified',
    );
    expect(texts.get('2026-10/med/sg-med--lab')).toContain(
      'Governance decisions applied: 1 finding left out (ISO excluded ' +
        'QIDs), 1 finding reclassified',
    );
  });

  it('reads pages in any order when one of them ends the list', async () => {
    const first = page(
      [hostXml(1, '10.1.0.5', [{ qid: 90001, severity: 4 }])],
      2,
    );
    const last = page([hostXml(2, '10.1.0.6', [{ qid: 90001, severity: 4 }])]);

    const result = await collectFindings(
      sourceOf(() => [last, first]),
      policy,
      '2026-10',
    );

    expect(result.units[0].findings.map((f) => f.host.ip)).toEqual([
      '10.1.0.6',
      '10.1.0.5',
    ]);
  });

  it('refuses the month when one page was produced before it ended', async () => {
    const dated = (day: string, id: number) =>
      page([
        hostXml(id, `10.1.0.${id}`, [{ qid: 90001, severity: 4 }]),
      ]).replace('<RESPONSE>', `<RESPONSE><DATETIME>${day}</DATETIME>`);
    const source = detectionPagesSource(
      'detection files (2)',
      () => [
        { origin: 'new.xml', xml: dated('2026-11-02T01:00:00Z', 1) },
        { origin: 'old.xml', xml: dated('2026-10-15T01:00:00Z', 2) },
      ],
      () => Promise.resolve(new Map<number, Vulnerability>()),
    );
    const result = await collectFindings(source, policy, '2026-10');

    expect([result.producedOn, result.producedIn]).toEqual([
      '2026-10-15T01:00:00Z',
      'old.xml',
    ]);
    expect(() =>
      checkMonthData(result, source.name, new Date('2026-11-03T00:00:00Z')),
    ).toThrow('old.xml is from 2026-10-15, before 2026-10 ended');
  });

  it('refuses pages that all say the list goes on', async () => {
    const cut = page(
      [hostXml(1, '10.1.0.5', [{ qid: 90001, severity: 4 }])],
      2,
    );

    await expect(
      collectFindings(
        sourceOf(() => [cut]),
        policy,
        '2026-10',
      ),
    ).rejects.toThrow(
      'test page: the detection list goes on (a WARNING gives the next ' +
        "page's URL), but no page given ends it",
    );
  });

  it("gives a sub-group of a unit's second, overlapping master group its hosts", async () => {
    const twoMasters = buildPolicy({
      units: [
        {
          id: 'med',
          masters: [
            { title: 'mg-med', ranges: ['10.1.0.0/24'] },
            {
              title: 'mg-med-imaging',
              ranges: ['10.1.0.128/25'],
              subgroups: [
                {
                  name: 'scanners',
                  ranges: ['10.1.0.130'],
                  sysadmin: ['imaging@med.example.edu'],
                },
              ],
            },
          ],
        },
      ],
      isoRecipients: ['iso@example.edu'],
    });
    const result = await collectFindings(
      sourceOf(() => [
        page([hostXml(1, '10.1.0.130', [{ qid: 90001, severity: 5 }])]),
      ]),
      twoMasters,
      '2026-10',
    );

    expect(result.units[0].findings.map((f) => f.subgroups)).toEqual([
      ['sg-med-imaging--scanners'],
    ]);
  });

  it('gives a host in two overlapping sub-groups to both', async () => {
    const overlapping = buildPolicy({
      units: [
        {
          ...MED_WITH_LAB,
          masters: [
            {
              ...MED_WITH_LAB.masters[0],
              subgroups: [
                ...MED_WITH_LAB.masters[0].subgroups!,
                {
                  name: 'bench',
                  ranges: ['10.1.0.128/26'],
                  sysadmin: ['bench@med.example.edu'],
                },
              ],
            },
          ],
        },
      ],
      isoRecipients: ['iso@example.edu'],
    });
    const result = await collectFindings(
      sourceOf(() => [
        page([
          hostXml(1, '10.1.0.130', [{ qid: 90001, severity: 5 }]),
          hostXml(2, '10.1.0.200', [{ qid: 90001, severity: 4 }]),
        ]),
      ]),
      overlapping,
      '2026-10',
    );
    const built = await buildMessages(result, overlapping, undefined, () => {
      throw new Error('no message may fail');
    });
    const counts = new Map(built.map((b) => [b.mail.key, b.findings]));

    expect(result.units[0].findings.map((f) => f.subgroups)).toEqual([
      ['sg-med--lab', 'sg-med--bench'],
      ['sg-med--lab'],
    ]);
    expect(counts.get('2026-10/med/sg-med--lab')).toBe(2);
    expect(counts.get('2026-10/med/sg-med--bench')).toBe(1);
    expect(result.units[0].subgroupCounts.get('sg-med--bench')?.kept).toBe(1);
  });

  // A regression: kept findings held substrings of their page, so every
  // page parsed stayed in memory (1 GiB at 20,000 hosts).
  it('keeps no page alive through the findings it keeps', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const pages = 8;
    const noise = 'x'.repeat(20_000);
    let pageChars = 0;
    const source = sourceOf(function* () {
      for (let p = 0; p < pages; p += 1) {
        const low = Array.from({ length: 200 }, (_, k) => ({
          qid: 200000 + k,
          severity: 1,
          results: noise,
        }));
        const xml = page([
          hostXml(p + 1, `10.1.0.${p + 1}`, [
            { qid: 90001, severity: 4, results: `banner of host ${p + 1}` },
            ...low,
          ]),
        ]);
        pageChars += xml.length;
        yield xml;
      }
    });

    await month(); // compiles the code paths, which takes heap too
    gc();
    const before = process.memoryUsage().heapUsed;
    const result = await collectFindings(source, policy, '2026-10');
    gc();
    const retained = process.memoryUsage().heapUsed - before;

    expect(result.totals.kept).toBe(pages);
    expect(pageChars).toBeGreaterThan(pages * 4_000_000);
    // The pages total 32 MB and all stayed with the bug; now at most the
    // last page (4 MB) lingers until the next parse.
    expect(retained).toBeLessThan(pageChars / 4);
  });
});

/**
 * ISO's roll-up as spreadsheets: the unit table and the whole coverage
 * list, attached as CSV because a coverage list of thousands of hosts is
 * worked through in a spreadsheet, not read in a mail body.
 */
import { stringify } from 'csv-stringify/sync';

import type { MailAttachment } from '../delivery/mail.ts';

export interface UnitRow {
  unit: string;
  name: string;
  /** Hosts of the unit in the data: 0 means unseen, not clean. */
  scanned: number;
  sev5: number;
  sev4: number;
  sev3: number;
  systems: number;
  overdue: number;
  excluded: number;
  reclassified: number;
}

export interface CoverageRow {
  address: string;
  dns: string;
  os: string;
  findings: number;
  inAddressSpace: boolean;
}

/*
 * Host names and OS strings come from scan data. A cell that starts with
 * one of these is read as a formula by spreadsheet programs, so it gets a
 * leading apostrophe and stays text (the usual CSV-injection guard).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: string | number): string {
  const text = String(value);
  return typeof value === 'string' && FORMULA_START.test(text)
    ? `'${text}`
    : text;
}

function csv(head: string[], rows: (string | number)[][]): Buffer {
  const text = stringify([head, ...rows.map((r) => r.map(cell))], {
    record_delimiter: 'windows',
  });
  return Buffer.from(text, 'utf8');
}

const UNIT_HEAD =
  'unit,name,scanned,sev5,sev4,sev3,systems,overdue,excluded,reclassified';

/** A unit's counts in table order: the mail's table and the CSV agree. */
export function unitCounts(r: UnitRow): number[] {
  return [
    r.scanned,
    r.sev5,
    r.sev4,
    r.sev3,
    r.systems,
    r.overdue,
    r.excluded,
    r.reclassified,
  ];
}

export function unitsCsv(month: string, rows: UnitRow[]): MailAttachment {
  const head = UNIT_HEAD.split(',');
  const cells = rows.map((r) => [r.unit, r.name, ...unitCounts(r)]);
  return {
    filename: `rollup-units-${month}.csv`,
    content: csv(head, cells),
    contentType: 'text/csv',
  };
}

export function coverageCsv(
  month: string,
  rows: CoverageRow[],
): MailAttachment {
  const head = ['address', 'dns', 'os', 'findings', 'in_address_space'];
  const cells = rows.map((r) => [
    r.address,
    r.dns,
    r.os,
    r.findings,
    r.inAddressSpace ? 'yes' : 'no',
  ]);
  return {
    filename: `coverage-${month}.csv`,
    content: csv(head, cells),
    contentType: 'text/csv',
  };
}

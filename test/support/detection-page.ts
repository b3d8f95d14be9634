/**
 * A one-host detection page written beside the real detections.xml, whose
 * only host (10.10.10.11) is in no test unit's group: with this page the
 * run has a covered host too, and is not refused as another network's data.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

import { FIXTURES } from '../findings/sample-report.ts';

/** `report` flags for April 2018 from the real detections.xml alone. */
export function aprilDetections(root: string): string[] {
  return [
    '--root',
    root,
    '--month',
    '2018-04',
    '--detections',
    path.join(FIXTURES, 'detections.xml'),
  ];
}

/** Writes the page into `dir` and returns its path. */
export async function writeCoveredHostPage(
  dir: string,
  ip = '64.41.200.243',
): Promise<string> {
  const file = path.join(dir, 'covered-host.xml');
  await writeFile(
    file,
    '<?xml version="1.0" encoding="UTF-8" ?>' +
      '<HOST_LIST_VM_DETECTION_OUTPUT><RESPONSE>' +
      '<DATETIME>2020-09-27T01:29:21Z</DATETIME><HOST_LIST><HOST>' +
      `<ID>900001</ID><IP>${ip}</IP><TRACKING_METHOD>IP</TRACKING_METHOD>` +
      '<DETECTION_LIST><DETECTION><QID>38170</QID><TYPE>Confirmed</TYPE>' +
      '<SEVERITY>2</SEVERITY><STATUS>Active</STATUS>' +
      '<FIRST_FOUND_DATETIME>2018-01-26T04:45:50Z</FIRST_FOUND_DATETIME>' +
      '</DETECTION></DETECTION_LIST></HOST></HOST_LIST></RESPONSE>' +
      '</HOST_LIST_VM_DETECTION_OUTPUT>\n',
  );
  return file;
}

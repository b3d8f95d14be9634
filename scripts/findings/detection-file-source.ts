/**
 * Offline Qualys XML as a findings source: host list detection pages
 * (`--detections FILE…`) and KnowledgeBase responses (`--kb FILE…`). Pages
 * are read and parsed one at a time, so memory follows one page.
 */
import { readFile } from 'node:fs/promises';

import { InputError } from '../errors.ts';
import { parseDetectionPage } from '../qualys/parse-detections.ts';
import { parseKbResponse } from '../qualys/parse-kb.ts';
import type { FindingsSource, HostDetections, Vulnerability } from './model.ts';
import { fromDetectionHost, fromKbVuln } from './qualys-records.ts';

/** A detection page's text and where it came from, for messages. */
export interface DetectionPage {
  origin: string;
  xml: string;
}

/**
 * A source over detection pages however they arrive (files, generated
 * strings), with KnowledgeBase facts already known.
 * @throws InputError (while iterating) naming the page that is not a
 * detection page, or the last page when every page says more follow.
 */
export function detectionPagesSource(
  name: string,
  pages: () => AsyncIterable<DetectionPage> | Iterable<DetectionPage>,
  kb: () => Promise<Map<number, Vulnerability>>,
): FindingsSource {
  let producedOn: string | undefined;
  let producedIn: string | undefined;
  return {
    name,
    async *batches(): AsyncIterable<HostDetections[]> {
      let last: DetectionPage | undefined;
      let ended = false;
      for await (const page of pages()) {
        const parsed = parsePage(page);
        // The oldest page decides: one page fetched before the month ended
        // does not describe it, however new the others are.
        if (parsed.datetime && !(producedOn && producedOn <= parsed.datetime)) {
          producedOn = parsed.datetime;
          producedIn = page.origin;
        }
        last = page;
        ended ||= parsed.nextUrl === undefined;
        yield parsed.hosts.map(fromDetectionHost);
      }
      // Qualys ends a long list with a page whose WARNING gives the next
      // page's URL. Pages given in any order are fine, but one must be the
      // list's last: else hosts are missing and their units look clean.
      if (last && !ended) {
        throw new InputError(
          `${last.origin}: the detection list goes on (a WARNING gives ` +
            "the next page's URL), but no page given ends it",
          {
            hint:
              'fetch the remaining pages and give them all to --detections, ' +
              'or report from the live API, which follows them',
          },
        );
      }
    },
    producedOn: () => producedOn,
    producedIn: () => producedIn,
    async vulnerabilities(qids) {
      const all = await kb();
      return new Map(
        qids.flatMap((q) => (all.has(q) ? [[q, all.get(q)!] as const] : [])),
      );
    },
  };
}

/**
 * Opens detection and KB files.
 * @throws InputError when a file cannot be read or parsed (while iterating
 * for detection files, at `vulnerabilities` for KB files).
 */
export function openDetectionFiles(
  detectionFiles: string[],
  kbFiles: string[],
): FindingsSource {
  return detectionPagesSource(
    `detection files (${detectionFiles.length})`,
    async function* () {
      for (const file of detectionFiles)
        yield { origin: file, xml: await readInput(file, '--detections') };
    },
    () => readKbFiles(kbFiles),
  );
}

async function readKbFiles(
  files: string[],
): Promise<Map<number, Vulnerability>> {
  const out = new Map<number, Vulnerability>();
  for (const file of files) {
    const xml = await readInput(file, '--kb');
    let vulns;
    try {
      vulns = parseKbResponse(xml).vulns;
    } catch (error) {
      throw unreadable(file, 'a KnowledgeBase response', error);
    }
    for (const vuln of vulns) out.set(vuln.qid, fromKbVuln(vuln));
  }
  return out;
}

function parsePage(page: DetectionPage) {
  try {
    return parseDetectionPage(page.xml);
  } catch (error) {
    throw unreadable(page.origin, 'a host list detection page', error);
  }
}

async function readInput(file: string, option: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(`${file}: cannot read the file`, {
      hint: `check the path given to ${option}`,
      cause: error,
    });
  }
}

function unreadable(origin: string, what: string, error: unknown): InputError {
  const reason = error instanceof Error ? error.message : String(error);
  return new InputError(`${origin}: not ${what}: ${reason}`, {
    hint: 'give the XML exactly as the Qualys API returned it',
    cause: error,
  });
}

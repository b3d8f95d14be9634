/**
 * Bodies of comments and issues we keep up to date: a hidden marker on the
 * first line finds them again, and GitHub's size limit is respected.
 */

/** GitHub refuses comment and issue bodies longer than this. */
export const GITHUB_BODY_LIMIT = 65_536;

const MARKER = /^[\w.:/-]+$/;

/**
 * The hidden first line that identifies our comment or issue.
 * @throws Error when the marker has characters that could close the HTML
 *   comment (a bug in the caller).
 */
export function markerLine(marker: string): string {
  if (!MARKER.test(marker)) throw new Error(`invalid marker "${marker}"`);
  return `<!-- ${marker} -->`;
}

export function hasMarker(
  body: string | null | undefined,
  marker: string,
): boolean {
  return (body ?? '').includes(markerLine(marker));
}

/**
 * Puts the marker first and cuts the body at a line end when it would pass
 * the limit, closing an open code fence and pointing to the run's
 * artifacts for the full text.
 */
export function markedBody(
  marker: string,
  body: string,
  runUrl?: string,
  limit = GITHUB_BODY_LIMIT,
): { body: string; truncated: boolean } {
  const full = `${markerLine(marker)}\n${body}`;
  if (full.length <= limit) return { body: full, truncated: false };

  const where = runUrl
    ? `the full text is in the artifacts of [this run](${runUrl})`
    : "the full text is in the workflow run's artifacts";
  const note = `\n\n> **Truncated**: GitHub allows ${limit} characters; ${where}.\n`;
  const room = limit - note.length - '\n```'.length;
  let cut = full.slice(0, room);
  const lineEnd = cut.lastIndexOf('\n');
  if (lineEnd > room / 2) cut = cut.slice(0, lineEnd);
  const fences = cut.match(/^```/gm)?.length ?? 0;
  if (fences % 2 === 1) cut += '\n```';

  return { body: `${cut}${note}`, truncated: true };
}

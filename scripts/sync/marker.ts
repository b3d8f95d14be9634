/**
 * The ownership marker: the text a managed group carries in its comments
 * (`vmgov:owner/repo`). Only groups carrying our marker are ever changed
 * or deleted; another repository's marker or none means hands off.
 */

export type Ownership =
  { kind: 'ours' } | { kind: 'foreign'; marker: string } | { kind: 'unmarked' };

const MARKER_TOKEN = /(?:^|\s)(vmgov:[^\s;]+)/g;
const UNIT_TOKEN = /(?:^|\s)unit=([A-Za-z0-9._-]+)/;

/** The repository a marker names: `vmgov:owner/repo` gives `owner/repo`. */
export function markerRepository(marker: string): string {
  return marker.replace(/^vmgov:/, '');
}

/** The comments a managed group carries: marker, unit and where to edit. */
export function groupComments(
  marker: string,
  unit: string,
  master?: string,
): string {
  const origin = master ? `; generated from ${master}` : '';
  return (
    `${marker} unit=${unit}${origin}; managed by vmgov; ` +
    `edit in ${markerRepository(marker)} units/${unit}.yaml`
  );
}

/** Who owns a group, judged from its comments. */
export function ownershipOf(
  comments: string | undefined,
  marker: string,
): Ownership {
  const found = [...(comments ?? '').matchAll(MARKER_TOKEN)].map(
    (m) => m[1] ?? '',
  );
  if (found.includes(marker)) return { kind: 'ours' };
  const other = found[0];
  if (other !== undefined) return { kind: 'foreign', marker: other };
  return { kind: 'unmarked' };
}

/** The unit a managed group's comments name, if any. */
export function unitOf(comments: string | undefined): string | undefined {
  return UNIT_TOKEN.exec(comments ?? '')?.[1];
}

/**
 * The file kinds of a policy repository: where each lives and which schema
 * describes it. Units are one file each under `units/`.
 */

export type FileKind =
  | 'program'
  | 'excluded-qids'
  | 'reclassifications'
  | 'never-ignore'
  | 'scanning'
  | 'kb-snapshot'
  | 'unit';

/** The policy files every repository has, by kind. */
export const POLICY_FILES: Record<Exclude<FileKind, 'unit'>, string> = {
  program: 'policy/program.yaml',
  'excluded-qids': 'policy/excluded-qids.yaml',
  reclassifications: 'policy/reclassifications.yaml',
  'never-ignore': 'policy/never-ignore.yaml',
  scanning: 'policy/scanning.yaml',
  'kb-snapshot': 'policy/kb-snapshot.yaml',
};

export const UNITS_DIR = 'units';
export const CODEOWNERS_FILE = '.github/CODEOWNERS';

export function schemaFile(kind: FileKind): string {
  return `schemas/${kind}.schema.json`;
}

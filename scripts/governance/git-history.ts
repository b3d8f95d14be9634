/**
 * Where a decision came from, read from git: the commit that wrote the
 * entry's lines (`git log -L`), and the pull request that brought it in,
 * found in a squash subject `… (#N)` or a later `Merge pull request #N`.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { log } from '../output/logger.ts';

const run = promisify(execFile);
const PR_IN_SUBJECT = /(?:Merge pull request #(\d+)|\(#(\d+)\)\s*$)/;

export interface CommitRef {
  commit: string;
  /** Author date, `YYYY-MM-DD`. */
  date: string;
  subject: string;
  pullRequest?: number;
}

export interface EntryHistory {
  /** The oldest commit touching the entry's lines: where it was decided. */
  introduced: CommitRef;
  /** The newest one, when later commits changed the entry. */
  lastChanged?: CommitRef;
}

/**
 * History of lines `start..end` of `file` as of HEAD, or undefined when
 * `root` is not a git repository or the file is not committed yet.
 */
// TODO(#6): `git log -L` reads line numbers against HEAD while the entries
// are read from the working tree; uncommitted edits above an entry shift it.
export async function entryHistory(
  root: string,
  file: string,
  lines: { start: number; end: number },
): Promise<EntryHistory | undefined> {
  const range = `${lines.start},${lines.end}:${file}`;
  const output = await git(root, [
    'log',
    '-L',
    range,
    '-s',
    '--date=short',
    '--format=%H%x09%ad%x09%s',
  ]);
  if (output === undefined) return undefined;

  const commits = output
    .split('\n')
    .filter((line) => /^[0-9a-f]{40}\t/.test(line))
    .map(parseCommitLine);
  const newest = commits[0];
  const oldest = commits[commits.length - 1];
  if (!newest || !oldest) return undefined;

  const introduced = await withPullRequest(root, oldest);
  if (newest.commit === oldest.commit) return { introduced };
  return { introduced, lastChanged: await withPullRequest(root, newest) };
}

/** Pull request number of a commit, from its subject or its merge. */
export async function pullRequestOf(
  root: string,
  commit: string,
  subject: string,
): Promise<number | undefined> {
  const own = prNumber(subject);
  if (own !== undefined) return own;

  const merges = await git(root, [
    'log',
    '--merges',
    '--ancestry-path',
    '--reverse',
    '--format=%H%x09%s',
    `${commit}..HEAD`,
  ]);
  for (const line of (merges ?? '').split('\n')) {
    const [merge = '', mergeSubject = ''] = line.split('\t');
    const found = prNumber(mergeSubject);
    if (found === undefined) continue;
    // A merge whose first parent already holds the commit merged something else.
    if (await isAncestor(root, commit, `${merge}^1`)) continue;
    return found;
  }
  return undefined;
}

async function isAncestor(
  root: string,
  commit: string,
  of: string,
): Promise<boolean> {
  const answer = await git(root, ['merge-base', '--is-ancestor', commit, of]);
  return answer !== undefined;
}

function prNumber(subject: string): number | undefined {
  const match = PR_IN_SUBJECT.exec(subject);
  const digits = match?.[1] ?? match?.[2];
  return digits === undefined ? undefined : Number(digits);
}

async function withPullRequest(
  root: string,
  ref: CommitRef,
): Promise<CommitRef> {
  const pullRequest = await pullRequestOf(root, ref.commit, ref.subject);
  return pullRequest === undefined ? ref : { ...ref, pullRequest };
}

function parseCommitLine(line: string): CommitRef {
  const [commit = '', date = '', ...rest] = line.split('\t');
  return { commit, date, subject: rest.join('\t') };
}

async function git(root: string, args: string[]): Promise<string | undefined> {
  try {
    const { stdout } = await run('git', args, {
      cwd: root,
      maxBuffer: 64 << 20,
    });
    return stdout;
  } catch (error) {
    log.debug('git history unavailable', {
      args: args.join(' '),
      error: error instanceof Error ? error.message : String(error),
    });
    return undefined;
  }
}

/**
 * The git side of the GitHub stand-in: commits as whole snapshots of
 * files, branches pointing at them, and git-style blob shas so optimistic
 * concurrency behaves as on GitHub.
 */
import { createHash } from 'node:crypto';

export type Snapshot = Map<string, string>;

export interface StandInCommit {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
}

export function blobSha(content: string): string {
  const bytes = Buffer.from(content, 'utf8');
  return createHash('sha1')
    .update(`blob ${bytes.length}\0`)
    .update(bytes)
    .digest('hex');
}

export class GitStore {
  readonly refs = new Map<string, string>();
  readonly commits = new Map<string, StandInCommit>();
  private readonly trees = new Map<string, Snapshot>();
  private counter = 0;

  /** Stores a snapshot and returns its tree sha. */
  addTree(files: Snapshot): string {
    const entries = [...files.entries()].sort(([a], [b]) => a.localeCompare(b));
    const sha = hash(JSON.stringify(entries));
    this.trees.set(sha, new Map(files));
    return sha;
  }

  tree(sha: string): Snapshot | undefined {
    const files = this.trees.get(sha);
    return files ? new Map(files) : undefined;
  }

  addCommit(tree: string, parents: string[], message: string): StandInCommit {
    this.counter += 1;
    const sha = hash(`${tree}:${parents.join(',')}:${message}:${this.counter}`);
    const commit = { sha, tree, parents, message };
    this.commits.set(sha, commit);
    return commit;
  }

  /** A file's content by its blob sha, from any stored snapshot. */
  blob(sha: string): string | undefined {
    for (const files of this.trees.values()) {
      for (const content of files.values()) {
        if (blobSha(content) === sha) return content;
      }
    }
    return undefined;
  }

  /** Files at a branch head, a commit sha or a tree sha. */
  resolve(name: string): Snapshot | undefined {
    const commitSha = this.refs.get(name) ?? name;
    const commit = this.commits.get(commitSha);
    return this.tree(commit ? commit.tree : name);
  }

  /** Commits a new snapshot on a branch and moves the branch. */
  commitOn(branch: string, files: Snapshot, message: string): StandInCommit {
    const parent = this.refs.get(branch);
    const commit = this.addCommit(
      this.addTree(files),
      parent ? [parent] : [],
      message,
    );
    this.refs.set(branch, commit.sha);
    return commit;
  }

  /** Number of commits reachable from a branch head (first parents). */
  historyLength(branch: string): number {
    let count = 0;
    let sha = this.refs.get(branch);
    while (sha !== undefined) {
      count += 1;
      sha = this.commits.get(sha)?.parents[0];
    }
    return count;
  }
}

function hash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

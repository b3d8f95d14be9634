/**
 * The small interface every room uses to talk to GitHub. Only this folder
 * imports octokit; callers see plain data and `GitHubError`.
 */

export interface GitHubOptions {
  token: string;
  /** `owner/name` of the repository. */
  repository: string;
  /** REST root; tests point it at a local stand-in. */
  apiUrl?: string;
  /** Link to the workflow run, used when a comment must be truncated. */
  runUrl?: string;
  /** Retries of transient failures (5xx, network); default 3. */
  retries?: number;
  /** Base wait between retries in milliseconds; default 1000. */
  retryBaseMs?: number;
  /**
   * Space writes a second apart, as GitHub asks to avoid its secondary
   * rate limit; default on, except for a server on this machine.
   */
  paceWrites?: boolean;
}

export interface CommentResult {
  id: number;
  url: string;
  action: 'created' | 'updated' | 'unchanged';
  truncated: boolean;
}

export interface IssueResult {
  number: number;
  url: string;
  action: 'created' | 'updated' | 'unchanged';
}

export interface IssueSummary {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: string[];
  url: string;
}

export interface PullRequestSpec {
  branch: string;
  base: string;
  title: string;
  body: string;
  /** Path to new content; `null` deletes the file on the branch. */
  files: Record<string, string | null>;
  labels?: string[];
}

export interface PullRequestResult {
  number: number;
  url: string;
  action: 'created' | 'updated' | 'unchanged';
  /** Paths whose content changed on the branch in this call. */
  changedFiles: string[];
}

export interface WriteFileOptions {
  /**
   * Branch to start from when `branch` does not exist yet; when absent a
   * missing branch is created as an orphan (a data branch such as `state`).
   */
  from?: string;
}

export interface GitHubApi {
  readonly repository: string;
  /**
   * Keeps one comment carrying `marker` on an issue or pull request: edits
   * it when present, adds it otherwise. Bodies past GitHub's limit are
   * truncated with a note linking to the run.
   */
  upsertComment(
    issueNumber: number,
    marker: string,
    body: string,
  ): Promise<CommentResult>;
  /** Updates the open issue carrying `marker`, or opens one. */
  findOrCreateIssue(
    title: string,
    marker: string,
    body: string,
    labels?: string[],
  ): Promise<IssueResult>;
  closeIssue(issueNumber: number, comment?: string): Promise<void>;
  /** Creates or updates one branch and its pull request. */
  upsertPullRequest(spec: PullRequestSpec): Promise<PullRequestResult>;
  /** File content on a branch; undefined when the file or branch is missing. */
  readFile(branch: string, path: string): Promise<string | undefined>;
  /**
   * Writes one file as one commit, with the blob sha for optimistic
   * concurrency (a conflicting write is re-read and retried). Returns false
   * when the content was already there (no commit made).
   */
  writeFile(
    branch: string,
    path: string,
    content: string,
    message: string,
    options?: WriteFileOptions,
  ): Promise<boolean>;
  /** Paths of files under `prefix` on a branch; [] when it is missing. */
  listFiles(branch: string, prefix: string): Promise<string[]>;
  /** Issues only (pull requests are left out). */
  listIssues(filter?: {
    labels?: string[];
    state?: 'open' | 'closed' | 'all';
  }): Promise<IssueSummary[]>;
  prLabels(pullNumber: number): Promise<string[]>;
}

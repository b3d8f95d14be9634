/** Real git repositories in temporary folders, for history tests. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface GitFixture {
  root: string;
  git(...args: string[]): string;
  write(file: string, text: string): void;
  commit(message: string, date: string): void;
  remove(): void;
}

export function createGitFixture(): GitFixture {
  const root = mkdtempSync(path.join(tmpdir(), 'vmgov-governance-'));
  const git = (...args: string[]): string =>
    execFileSync('git', args, {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Governance',
        GIT_AUTHOR_EMAIL: 'governance@example.edu',
        GIT_COMMITTER_NAME: 'Governance',
        GIT_COMMITTER_EMAIL: 'governance@example.edu',
        GIT_CONFIG_NOSYSTEM: '1',
      },
    });
  git('init', '-q', '-b', 'main');

  return {
    root,
    git,
    write(file, text) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    },
    commit(message, date) {
      git('add', '-A');
      const stamp = `${date}T12:00:00Z`;
      process.env.GIT_AUTHOR_DATE = stamp;
      process.env.GIT_COMMITTER_DATE = stamp;
      try {
        git('commit', '-q', '-m', message);
      } finally {
        delete process.env.GIT_AUTHOR_DATE;
        delete process.env.GIT_COMMITTER_DATE;
      }
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** The stand-in's contents and git data (refs, trees, commits) endpoints. */
import { blobSha } from './github-stand-in-git.ts';
import { notFound } from './github-stand-in-state.ts';
import type { Reply, Route, StandInState } from './github-stand-in-state.ts';

export function contentRoutes(s: StandInState): Route[] {
  const git = s.git;
  return [
    [
      'GET',
      /^\/contents\/(.+)$/,
      (m, _b, q) => {
        const path = m[1];
        const content = git.resolve(q.get('ref') ?? s.defaultBranch)?.get(path);
        if (content === undefined) return notFound('File');
        const size = Buffer.byteLength(content);
        // As GitHub: over 1 MB the text is left out, encoding "none".
        const large = size > LARGE_FILE;
        return [
          200,
          {
            type: 'file',
            encoding: large ? 'none' : 'base64',
            path,
            name: path.split('/').pop(),
            sha: blobSha(content),
            size,
            content: large ? '' : base64Lines(content),
          },
        ];
      },
    ],
    [
      'GET',
      /^\/git\/blobs\/(.+)$/,
      (m) => {
        const content = git.blob(m[1]);
        if (content === undefined) return notFound('Blob');
        return [
          200,
          {
            sha: m[1],
            size: Buffer.byteLength(content),
            encoding: 'base64',
            content: base64Lines(content),
          },
        ];
      },
    ],
    ['PUT', /^\/contents\/(.+)$/, (m, b) => writeContent(s, m[1], b, false)],
    ['DELETE', /^\/contents\/(.+)$/, (m, b) => writeContent(s, m[1], b, true)],
    [
      'GET',
      /^\/git\/ref\/heads\/(.+)$/,
      (m) => {
        const sha = git.refs.get(m[1]);
        if (!sha) return notFound('Ref');
        return [200, refJson(m[1], sha)];
      },
    ],
    [
      'POST',
      /^\/git\/refs$/,
      (_m, b) => {
        const name = String(b.ref).replace(/^refs\/heads\//, '');
        const sha = String(b.sha);
        if (git.refs.has(name))
          return [422, { message: 'Reference already exists' }];
        if (!git.commits.has(sha))
          return [422, { message: 'Object does not exist' }];
        git.refs.set(name, sha);
        return [201, refJson(name, sha)];
      },
    ],
    [
      'PATCH',
      /^\/git\/refs\/heads\/(.+)$/,
      (m, b) => {
        const name = m[1];
        const current = git.refs.get(name);
        const target = String(b.sha);
        if (!current) return [422, { message: 'Reference does not exist' }];
        if (!git.commits.has(target))
          return [422, { message: 'Object does not exist' }];
        const fastForward = git.commits.get(target)?.parents.includes(current);
        if (b.force !== true && !fastForward) {
          return [422, { message: 'Update is not a fast forward' }];
        }
        git.refs.set(name, target);
        return [200, refJson(name, target)];
      },
    ],
    [
      'POST',
      /^\/git\/trees$/,
      (_m, b) => {
        const base =
          typeof b.base_tree === 'string' ? git.tree(b.base_tree) : undefined;
        const files = new Map(base ?? []);
        const entries = b.tree as {
          path: string;
          content?: string;
          sha?: null;
        }[];
        for (const entry of entries) {
          if (entry.sha === null) files.delete(entry.path);
          else files.set(entry.path, entry.content ?? '');
        }
        return [201, { sha: git.addTree(files) }];
      },
    ],
    [
      'POST',
      /^\/git\/commits$/,
      (_m, b) => {
        const tree = String(b.tree);
        if (!git.tree(tree)) return [422, { message: 'Tree does not exist' }];
        const parents = (b.parents as string[] | undefined) ?? [];
        const commit = git.addCommit(tree, parents, String(b.message));
        return [
          201,
          { sha: commit.sha, tree: { sha: tree }, message: commit.message },
        ];
      },
    ],
    [
      'GET',
      /^\/git\/trees\/(.+)$/,
      (m) => {
        const files = git.resolve(m[1]);
        if (!files) return notFound('Tree');
        return [200, { sha: m[1], tree: treeEntries(files), truncated: false }];
      },
    ],
  ];
}

const LARGE_FILE = 1024 * 1024;

/** Base64 in lines of 60 characters, as GitHub sends it. */
function base64Lines(content: string): string {
  return Buffer.from(content)
    .toString('base64')
    .replace(/(.{60})/g, '$1\n');
}

function refJson(name: string, sha: string): Record<string, unknown> {
  return { ref: `refs/heads/${name}`, object: { sha, type: 'commit' } };
}

/** A recursive listing: folders as `tree` entries, files as `blob`. */
function treeEntries(files: Map<string, string>): Record<string, string>[] {
  const folders = new Set<string>();
  for (const path of files.keys()) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i += 1) {
      folders.add(parts.slice(0, i).join('/'));
    }
  }
  return [
    ...[...folders].map((path) => ({ path, type: 'tree', mode: '040000' })),
    ...[...files].map(([path, content]) => ({
      path,
      type: 'blob',
      mode: '100644',
      sha: blobSha(content),
    })),
  ].sort((a, b) => a.path.localeCompare(b.path));
}

/** PUT and DELETE of a file, with GitHub's sha rules (422 and 409). */
function writeContent(
  s: StandInState,
  path: string,
  b: Record<string, unknown>,
  remove: boolean,
): Reply {
  const branch = typeof b.branch === 'string' ? b.branch : s.defaultBranch;
  const files = s.git.resolve(branch);
  if (!s.git.refs.has(branch) || !files) return notFound(`Branch ${branch}`);
  const current = files.get(path);
  const sha = typeof b.sha === 'string' ? b.sha : undefined;

  if (current === undefined && (remove || sha !== undefined)) {
    return notFound('File');
  }
  if (current !== undefined && sha === undefined) {
    return [422, { message: 'Invalid request. "sha" wasn\'t supplied.' }];
  }
  if (current !== undefined && sha !== blobSha(current)) {
    return [409, { message: `${path} does not match ${sha}` }];
  }

  if (remove) files.delete(path);
  else
    files.set(path, Buffer.from(String(b.content), 'base64').toString('utf8'));
  const commit = s.git.commitOn(branch, files, String(b.message));
  const content = remove ? null : { path, sha: blobSha(files.get(path)!) };
  const status = remove || current !== undefined ? 200 : 201;
  return [status, { content, commit: { sha: commit.sha } }];
}

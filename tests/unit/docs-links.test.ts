import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paths } from '../../server/paths.js';

/**
 * The documentation points at itself and at the code, and comments in the code point at it
 * (`docs/architecture.md#privacy`). A renamed heading or a moved file breaks those links
 * silently; this test finds them: relative links in README.md and docs/*.md, the anchors they
 * name, the repository files the docs name in code spans, and the docs/…md#anchor citations in
 * comments under server/, client/, common/ and tests/.
 */

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens; repeats get -1, -2. */
function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const line of withoutCode(markdown).split('\n')) {
    const m = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m?.[1]) continue;
    const base = m[1]
      .replace(/`/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

/** Fenced blocks blanked (line count kept), so examples are neither headings nor links. */
function withoutCode(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, (block) => block.replace(/[^\n]/g, ''));
}

/** Relative link targets of a markdown text, inline code spans left out. */
function linksOf(markdown: string): string[] {
  const text = withoutCode(markdown).replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '').filter((t) => !/^[a-z]+:/i.test(t));
}

/**
 * Repository files a markdown text names in code spans (`server/privacy/suppress.ts`); not
 * folders, and not placeholders in capitals (`tests/bench/NAME.ts`).
 */
function pathsOf(markdown: string): string[] {
  const spans = [...withoutCode(markdown).matchAll(/`([^`\n]+)`/g)].map((m) => m[1] ?? '');
  return spans.filter((s) => /^(server|client|common|tests|migrations|data|docs|\.ci)\/[\w./-]*\.\w+$/.test(s) && !/[A-Z]{3}/.test(s));
}

/** Problems with one markdown file's links, given a way to read other files (null: missing). */
function brokenLinks(file: string, markdown: string, read: (path: string) => string | null): string[] {
  const problems: string[] = [];
  for (const link of linksOf(markdown)) {
    const [target = '', anchor] = link.split('#');
    const path = target === '' ? file : join(dirname(file), decodeURI(target));
    const text = read(path);
    if (text === null) problems.push(`${file}: ${link} — no such file`);
    else if (anchor && path.endsWith('.md') && !anchorsOf(text).has(anchor)) problems.push(`${file}: ${link} — no heading #${anchor}`);
  }
  return problems;
}

const readRepo = (path: string): string | null => {
  const full = join(paths.root, path);
  if (!existsSync(full)) return null;
  try {
    return readFileSync(full, 'utf8');
  } catch {
    return ''; // a directory: it exists, and has no headings
  }
};

// This file's own examples name made-up docs.
const SELF = 'tests/unit/docs-links.test.ts';

const docFiles = (): string[] => [
  'README.md',
  ...readdirSync(join(paths.root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(paths.root, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && !e.name.startsWith('.')) out.push(...sourceFiles(rel));
    } else if (/\.(ts|js|sql|css|html)$/.test(e.name)) out.push(rel);
  }
  return out;
}

describe('documentation links', () => {
  it('when a link names a missing file or heading, then it is reported; good links are not', () => {
    const files: Record<string, string> = { 'docs/b.md': '# Title\n\n## Privacy and roles\n\n## Privacy and roles\n' };
    const doc = [
      '[ok](b.md#privacy-and-roles) [ok2](b.md#privacy-and-roles-1) [web](https://example.org/x.md)',
      '[gone](missing.md) [anchor](b.md#nope) `[not a link](code.md)`',
      '```md\n[in a fence](fence.md)\n```',
    ].join('\n');
    expect(brokenLinks('docs/a.md', doc, (p) => files[p] ?? null)).toEqual([
      'docs/a.md: missing.md — no such file',
      'docs/a.md: b.md#nope — no heading #nope',
    ]);
  });

  it('when README.md and docs/*.md are read, then every relative link and anchor resolves', () => {
    const problems = docFiles().flatMap((f) => brokenLinks(f, readRepo(f) ?? '', readRepo));
    expect(problems).toEqual([]);
  });

  it('when the docs name a repository file in a code span, then that file exists', () => {
    const missing = docFiles().flatMap((f) => pathsOf(readRepo(f) ?? '').filter((p) => readRepo(p) === null).map((p) => `${f}: ${p}`));
    expect(missing).toEqual([]);
  });

  it('when a comment in the code cites docs/…md#anchor, then that heading exists', () => {
    const problems: string[] = [];
    for (const file of ['server', 'client', 'common', 'tests'].flatMap(sourceFiles).filter((f) => f !== SELF)) {
      for (const m of (readRepo(file) ?? '').matchAll(/docs\/([\w-]+\.md)(?:#([\w-]+))?/g)) {
        const doc = readRepo(`docs/${m[1]}`);
        if (doc === null) problems.push(`${file}: docs/${m[1]} — no such file`);
        else if (m[2] && !anchorsOf(doc).has(m[2])) problems.push(`${file}: docs/${m[1]}#${m[2]} — no such heading`);
      }
    }
    expect(problems).toEqual([]);
  });
});

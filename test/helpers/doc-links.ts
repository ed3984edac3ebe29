/**
 * The links of Markdown files, checked as GitHub renders them: a relative link must name a file or
 * directory that exists, and a `#fragment` an anchor of the page it points to, as GitHub makes
 * anchors from headings (lower case; punctuation other than `-` and `_` dropped; each space a `-`; a
 * repeated heading gets `-1`, `-2`, ...) or an explicit `<a id="...">`. Links to other sites are
 * not fetched (tests touch only loopback).
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

/** The text of `markdown` outside fenced blocks and inline code, where links are links. */
function prose(markdown: string): string {
  return markdown.replace(/^([ \t]*)```[\s\S]*?^\1```[ \t]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** GitHub's anchor for a heading's text. */
export function githubSlug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // a link keeps its text
    .replace(/<[^>]+>/g, '') // tags go
    .replace(/[*`]/g, ''); // emphasis and code marks go
  return text.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}

/** Every anchor of a page: its headings' slugs, numbered as GitHub numbers repeats, and explicit ids. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const outside = markdown.replace(/^([ \t]*)```[\s\S]*?^\1```[ \t]*$/gm, '');
  for (const [, heading] of outside.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const slug = githubSlug(heading);
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
  }
  for (const [, id] of outside.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(id);
  return anchors;
}

/** One link of a page. */
export interface Link {
  target: string;
  line: number;
}

/** Every inline link `[text](target)` of a page's prose (reference-style links are not used here). */
export function linksOf(markdown: string): Link[] {
  const text = prose(markdown);
  const links: Link[] = [];
  for (const m of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) links.push({ target: m[1], line: text.slice(0, m.index).split('\n').length });
  return links;
}

/**
 * The links of `file` (a path relative to `root`, its text `markdown`) that do not resolve, each as
 * `file: target (why)`; `read` gives the text of another page, for its anchors.
 */
export function brokenLinks(root: string, file: string, markdown: string, read: (path: string) => string): string[] {
  const broken: string[] = [];
  for (const { target } of linksOf(markdown)) {
    if (/^[a-z][a-z+.-]*:/i.test(target)) continue;
    const [path, fragment] = target.split('#', 2);
    const resolved = path === '' ? file : normalize(join(dirname(file), decodeURIComponent(path)));
    if (resolved.startsWith('..') || !existsSync(join(root, resolved))) {
      broken.push(`${file}: ${target} (no such file)`);
      continue;
    }
    if (fragment === undefined) continue;
    if (statSync(join(root, resolved)).isDirectory() || !resolved.endsWith('.md')) {
      broken.push(`${file}: ${target} (an anchor in a page that has none)`);
      continue;
    }
    const page = path === '' ? markdown : read(resolved);
    if (!anchorsOf(page).has(fragment)) broken.push(`${file}: ${target} (no such anchor in ${resolved})`);
  }
  return broken;
}

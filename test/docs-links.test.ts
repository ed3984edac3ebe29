/**
 * Every link of README.md, CONTRIBUTING.md and docs/ resolves: relative files and directories exist,
 * and each `#anchor` is one GitHub makes for the page it points to. The checker is shown to catch a
 * missing file, a missing anchor and an anchor into a directory, and to read GitHub's anchors right.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { docFiles } from './helpers/doc-blocks.js';
import { anchorsOf, brokenLinks, githubSlug, linksOf } from './helpers/doc-links.js';
import { tempDir } from './helpers/temp-dir.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (file: string) => readFileSync(join(root, file), 'utf8');

describe('the links of README.md and docs/', () => {
  it('all resolve, files and anchors', () => {
    const files = docFiles();
    expect(files).toEqual(expect.arrayContaining(['README.md', 'CONTRIBUTING.md', 'docs/cli.md', 'docs/reports.md', 'docs/emulator.md', 'docs/library.md', 'docs/live.md', 'docs/benchmarks.md']));
    const links = files.flatMap((f) => linksOf(read(f)));
    expect(links.length).toBeGreaterThan(50);
    expect(files.flatMap((f) => brokenLinks(root, f, read(f), read))).toEqual([]);
  });

  it('each docs page starts with what it is for', () => {
    for (const f of docFiles().filter((x) => x !== 'README.md')) expect(read(f).split('\n').slice(1, 4).join(' '), f).toMatch(/^ ?What this page is for: /);
  });
});

describe('the link checker', () => {
  it('makes anchors as GitHub does', () => {
    expect(githubSlug('verify() and the main entry point')).toBe('verify-and-the-main-entry-point');
    expect(githubSlug('Throttling, transient errors and flaky runs')).toBe('throttling-transient-errors-and-flaky-runs');
    expect(githubSlug('`contractSuite` and **more**')).toBe('contractsuite-and-more');
    expect(githubSlug('merge-reports')).toBe('merge-reports');
    expect(githubSlug('The [link](x.md) text')).toBe('the-link-text');
    expect([...anchorsOf('# A\n## Notes\n## Notes\n```sh\n# not a heading\n```\n<a id="here"></a>text')]).toEqual(['a', 'notes', 'notes-1', 'here']);
  });

  it('ignores links in code and other sites, and finds the broken ones', () => {
    const dir = tempDir('doc-links-');
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', 'a.md'), '# A\n## Exit codes\n');
    const page = [
      '# Home', '## Start',
      '[ok](docs/a.md) [ok](docs/a.md#exit-codes) [ok](#start) [ok](docs) [web](https://example.com/x#y)',
      '`[code](nowhere.md)`', '```sh', '[block](nowhere.md)', '```',
      '[gone](docs/b.md) [no anchor](docs/a.md#exit-code) [self](#stop) [dir anchor](docs#x)',
    ].join('\n');
    writeFileSync(join(dir, 'README.md'), page);
    const readIn = (f: string) => readFileSync(join(dir, f), 'utf8');
    expect(brokenLinks(dir, 'README.md', page, readIn)).toEqual([
      'README.md: docs/b.md (no such file)',
      'README.md: docs/a.md#exit-code (no such anchor in docs/a.md)',
      'README.md: #stop (no such anchor in README.md)',
      'README.md: docs#x (an anchor in a page that has none)',
    ]);
  });
});

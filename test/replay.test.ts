/**
 * Replay: a stale cassette ends with one error naming the first unmatched request and the nearest
 * recorded one; recorded exchanges no request asks for are reported; a directory must hold one run.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../src/common/errors.js';
import { verify } from '../src/app/verify.js';
import { formatCassette, type Cassette } from '../src/recording/cassette.js';
import { ReplayMismatchError } from '../src/recording/replay-run.js';
import { runCli } from './helpers/cli.js';
import { sharedTempDir } from './helpers/temp-dir.js';

const RECORDING = fileURLToPath(new URL('../recordings/builtin-emulator/', import.meta.url));
const PROPERTY = 'pagination.page-size';
const work = sharedTempDir('replay-test-');

function copy(name: string): string {
  const dir = join(work, name);
  cpSync(RECORDING, dir, { recursive: true });
  return dir;
}

function edit(dir: string, property: string, change: (c: Cassette) => void): void {
  const file = join(dir, `${property}.json`);
  const c = JSON.parse(readFileSync(file, 'utf8')) as Cassette;
  change(c);
  writeFileSync(file, formatCassette(c));
}

beforeAll(() => {
  nock.disableNetConnect();
});
afterAll(() => {
  nock.enableNetConnect();
});

describe('verify --replay', () => {
  it('a tampered request ends the replay with the first unmatched request and the nearest recorded one', async () => {
    const dir = copy('tampered');
    let original = '';
    edit(dir, PROPERTY, (c) => {
      const i = c.exchanges.findIndex((e) => e.request.body.includes('"MaxResults"'));
      original = c.exchanges[i].request.body;
      c.exchanges[i].request.body = original.replace(/"MaxResults":(\d+)/, '"MaxResults":1$1');
    });
    const error = await verify({ replay: dir, only: [PROPERTY] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReplayMismatchError);
    const message = (error as Error).message;
    expect(message).toContain(`cassette ${PROPERTY}.json no longer matches`);
    expect(message).toContain(original.slice(0, 60));
    expect(message).toMatch(/nearest recorded is #\d+, POST \/ AmazonAthena\.ListExecutors \(bodies differ at offset \d+/);
    expect(message).not.toContain('\n');
  });

  it('recorded exchanges that the replay never asked for are reported', async () => {
    const dir = copy('outgrown');
    edit(dir, PROPERTY, (c) => {
      const extra = structuredClone(c.exchanges.find((e) => e.request.headers['x-amz-target'])!);
      extra.request.body = '{"SessionId":"a-call-no-check-makes-any-more"}';
      c.exchanges.push(extra);
    });
    const report = await verify({ replay: dir, only: [PROPERTY] });
    expect(report.summary.failed).toBe(0);
    expect(report.replay?.unused).toEqual([{ property: PROPERTY, count: 1, first: expect.stringContaining('a-call-no-check-makes-any-more') }]);
    expect(report.warnings.map((w) => w.message).join(' ')).toContain('outgrew its checks');
  });

  it('a directory mixing two runs, or holding no cassette, is a usage error', async () => {
    const dir = copy('mixed');
    edit(dir, PROPERTY, (c) => {
      c.header.seed += 1;
    });
    await expect(verify({ replay: dir })).rejects.toThrow(UsageError);
    await expect(verify({ replay: join(work, 'missing') })).rejects.toThrow(/--replay: .* is not a directory/);
    await expect(verify({ replay: dir, seed: 4 })).rejects.toThrow(/--replay takes the target, seed, .*drop --seed/);
  });

  it('the CLI exits 2 with one line on a stale cassette', async () => {
    const dir = copy('cli');
    edit(dir, 'errors.unknown-session', (c) => {
      const e = c.exchanges.find((x) => x.request.headers['x-amz-target'])!;
      e.request.body = e.request.body.replace('"SessionId":"', '"SessionId":"x');
    });
    const result = await runCli(['verify', '--replay', dir, '--only', 'errors.unknown-session', '--no-progress']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^athena-contract: --replay .*cassette errors\.unknown-session\.json no longer matches/);
  });
});

/**
 * Vacuity in live runs (issue 13, item 4): a live run whose walks never had a second page warns
 * "pagination untested: no walk had a second page" on every property whose law is about pages or
 * tokens, and one whose walks had one does not. Against the emulator through AWS_ENDPOINT_URL_ATHENA,
 * as the nightly job runs against AWS: a session the harness starts holds only its coordinator
 * until something grows it, so the run states which case it was and the warnings must agree.
 */
import nock from 'nock';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verify } from '../src/app/verify.js';
import { catalogue } from '../src/contract/catalogue/index.js';
import { startEmulator, type Emulator } from '../src/emulator/index.js';

const ENV = { AWS_ACCESS_KEY_ID: 'AKIDCOVERAGE', AWS_SECRET_ACCESS_KEY: 'coverage-secret', AWS_REGION: 'eu-west-1' };
const saved = new Map<string, string | undefined>();
/** How the property `id` needs a second page, as it carries it in its coverage facts (undefined: its law is not about pages). */
const pagesOf = (id: string) => catalogue.find((q) => q.id === id)?.coverage?.pages;
let emulator: Emulator;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  emulator = await startEmulator();
  for (const [k, v] of Object.entries({ ...ENV, AWS_ENDPOINT_URL_ATHENA: emulator.url })) {
    saved.set(k, process.env[k]);
    process.env[k] = v;
  }
});
afterAll(async () => {
  await emulator.close();
  for (const [k, v] of saved) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  nock.enableNetConnect();
});

it('a live run warns "pagination untested" on the page and token laws exactly when none of their walks had a second page', async () => {
  // The emulator's session is ready within milliseconds: the bound on waiting for it is for a loaded machine.
  const report = await verify({ live: { workGroup: 'spark-wg', pollIntervalMs: 5, readyTimeoutMs: 60_000 }, runs: 8, seed: 1 });
  expect(report.summary.failed).toBe(0);
  const checked = report.properties.filter((p) => p.status === 'passed' && pagesOf(p.id) !== undefined);
  expect(checked.map((p) => p.id)).toEqual(expect.arrayContaining(['pagination.exactly-once', 'pagination.page-size', 'ordering.newest-first', 'errors.invalid-token']));
  for (const p of checked) {
    const c = p.coverage!;
    const paged = pagesOf(p.id) === 'walks' ? c.walks.multiPage > 0 : c.tokensIssued > 0;
    const warned = p.warnings.some((w) => w.kind === 'untested' && w.message.startsWith('pagination untested: no walk had a second page'));
    expect(warned, `${p.id}: ${c.walks.multiPage} of ${c.walks.total} walks with a second page, ${c.tokensIssued} tokens issued`).toBe(!paged);
  }
  // The emulator's StartSession, like Athena's, starts a session with its coordinator alone: one page.
  if (report.coverage!.walks.multiPage === 0) expect(report.warnings.map((w) => w.kind)).toContain('untested');
});

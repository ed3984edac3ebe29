/**
 * `--concurrency N` changes how fast a run goes, never what it finds: the same seed at concurrency 1
 * and at the default, against an emulator over HTTP that takes 5 ms per answer, seeded and
 * observational, with faults so that counterexamples exist, gives identical statuses,
 * counterexamples (scenario, path, message, exchanges) and replay commands; and listeners hear the
 * properties in catalogue order whatever N.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONCURRENCY, verify, type VerifyOptions, type VerifyReport } from '../src/app/verify.js';
import { startEmulator, type Emulator } from '../src/emulator/index.js';
import type { ExecutorsSummary } from '../src/generated/athena.js';

const observed = JSON.parse(readFileSync('test/fixtures/independent-emulator/observed-sessions.json', 'utf8')) as { sessions: Record<string, ExecutorsSummary[]> };

/** What must not depend on the concurrency, per property. */
function verdicts(report: VerifyReport) {
  return report.properties.map((p) => ({
    id: p.id,
    status: p.status,
    runs: p.runs,
    reason: p.reason,
    scenario: p.counterexample?.scenario,
    path: p.counterexample?.path,
    message: p.counterexample?.message,
    exchanges: p.counterexample?.exchanges.map((e) => `${e.request.path} ${e.request.body} -> ${e.response?.status}`),
    replay: p.replay,
  }));
}

describe('verdicts whatever the concurrency', () => {
  // Faults whose counterexamples shrink well within the shrink budget: a shrinking cut by the clock is not the seed's doing.
  let emulator: Emulator;
  let observedOn: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ latencyMs: 5, faults: ['oldest-first', 'bad-token-500'] });
    observedOn = await startEmulator({ latencyMs: 5, sessions: observed.sessions, faults: ['page-boundary-skip', 'oldest-first'] });
  });
  afterAll(async () => {
    await emulator.close();
    await observedOn.close();
  });

  const runAt = (concurrency: number | undefined, options: VerifyOptions) => verify({ endpoint: emulator.url, seed: 7, runs: 5, concurrency, ...options });

  it.each([
    ['seeded', () => ({ seeded: true })],
    ['observational', () => ({ endpoint: observedOn.url, sessionIds: Object.keys(observed.sessions) })],
  ] as const)('%s: concurrency 1 and the default agree, counterexamples included', async (_, optionsOf) => {
    const options = optionsOf();
    expect(DEFAULT_CONCURRENCY.endpoint).toBeGreaterThan(1);
    const one = await runAt(1, options);
    const many = await runAt(undefined, options);
    expect(one.properties.filter((p) => p.status === 'failed').length).toBeGreaterThan(0);
    expect(verdicts(many)).toEqual(verdicts(one));
    expect(many.summary).toEqual(one.summary);
  }, 120_000);

  it('listeners hear every property start, its runs and its end, in catalogue order', async () => {
    const events: string[] = [];
    const report = await runAt(6, {
      seeded: true,
      listener: {
        propertyStart: (id) => events.push(`start ${id}`),
        runDone: (id, n) => events.push(`run ${id} ${n}`),
        propertyEnd: (r) => events.push(`end ${r.id}`),
      },
    });
    const expected = report.properties.flatMap((p) => [`start ${p.id}`, ...Array.from({ length: p.runs }, (__, i) => `run ${p.id} ${i + 1}`), `end ${p.id}`]);
    expect(events).toEqual(expected);
  }, 120_000);
});

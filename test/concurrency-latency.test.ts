/**
 * Where the time goes: each property's calls and the target's answer times, summed for the run, in
 * the report (`--concurrency` takes a positive integer or says so in one line: cli-options.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../src/app/verify.js';
import { latencyOf, mergedLatency } from '../src/contract/engine/latency.js';
import { startEmulator } from '../src/emulator/index.js';

describe('latency in the report', () => {
  it('latencyOf: calls, mean and nearest-rank p95', () => {
    expect(latencyOf([])).toEqual({ calls: 0, meanMs: 0, p95Ms: 0 });
    const durations = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(latencyOf(durations)).toEqual({ calls: 20, meanMs: 10.5, p95Ms: 19 });
    expect(mergedLatency([{ calls: 1, meanMs: 10, p95Ms: 10 }, { calls: 3, meanMs: 30, p95Ms: 40 }, undefined])).toEqual({ calls: 4, meanMs: 25, p95Ms: 40 });
  });

  it('a target that answers in 30 ms shows it per property and for the run', async () => {
    const emulator = await startEmulator({ latencyMs: 30 });
    try {
      const report = await verify({ endpoint: emulator.url, seeded: true, seed: 3, runs: 2, only: ['response.conforms', 'errors.unknown-session'], concurrency: 2 });
      for (const p of report.properties) {
        expect(p.latency?.calls, p.id).toBeGreaterThan(0);
        expect(p.latency?.meanMs, p.id).toBeGreaterThanOrEqual(29);
        expect(p.latency?.p95Ms, p.id).toBeGreaterThanOrEqual(29);
      }
      expect(report.latency?.calls).toBe(report.properties.reduce((n, p) => n + (p.latency?.calls ?? 0), 0));
    } finally {
      await emulator.close();
    }
  }, 60_000);
});

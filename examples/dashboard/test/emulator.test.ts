/**
 * The main entry point: the dashboard's code unmodified against the HTTP emulator, the schemas'
 * validators on what it returns, and verify() with the catalogue as data.
 */
import { catalogue, startEmulator, validate, verify } from 'athena-executors-contract';
import { expect, it } from 'vitest';
import { listRunningExecutors } from '../src/running-executors.js';
import { executors, runningIds } from './executors.js';

it('lists the running executors of a session served over HTTP', async () => {
  const emulator = await startEmulator({ sessions: { 'session-1': executors } });
  try {
    const running = await listRunningExecutors(emulator.client(), 'session-1', 3);
    expect(running.map((e) => e.ExecutorId)).toEqual(runningIds);
    for (const e of running) expect(validate('executors-summary.schema.json', e)).toEqual({ ok: true });
    expect(await listRunningExecutors(emulator.client(), 'no-such-session')).toEqual([]);
  } finally {
    await emulator.close();
  }
});

it('verify() resolves to the report that --json writes, one entry per property of the catalogue', async () => {
  const report = await verify({ runs: 5, seed: 1 });
  expect(report.summary.failed).toBe(0);
  expect(report.properties.map((p) => p.id)).toEqual(catalogue.map((p) => p.id));
});

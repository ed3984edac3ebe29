// The package loaded with a plain require() (its CommonJS build), run with `node --test`: the
// emulator, verify() with its schemas and a recording replayed, the client-mock handler, and this
// project's own SDK and aws-sdk-client-mock working on the clients the package hands out.
const assert = require('node:assert/strict');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { test } = require('node:test');
const { AthenaClient, ListExecutorsCommand, ListSessionsCommand } = require('@aws-sdk/client-athena');
const { mockClient } = require('aws-sdk-client-mock');
const { catalogue, startEmulator, validate, verify } = require('athena-executors-contract');
const { listExecutorsHandler, listSessionsHandler } = require('athena-executors-contract/client-mock');
const { listSessionsIn } = require('../src/active-sessions.js');
const { listRunningExecutors } = require('../src/running-executors.js');
const { executors, runningIds } = require('./executors.cjs');

test('require() loads the CommonJS build', () => {
  assert.match(require.resolve('athena-executors-contract'), /dist[\\/]cjs[\\/]index\.js$/);
  assert.match(require.resolve('athena-executors-contract/client-mock'), /dist[\\/]cjs[\\/]client-mock\.js$/);
});

test("emulator.client() is this project's AthenaClient, which the SDK's paginator accepts", async () => {
  const emulator = await startEmulator({ sessions: { 'session-1': executors } });
  try {
    assert.ok(emulator.client() instanceof AthenaClient);
    const running = await listRunningExecutors(emulator.client(), 'session-1', 3);
    assert.deepEqual(running.map((e) => e.ExecutorId), runningIds);
    for (const e of running) assert.deepEqual(validate('executors-summary.schema.json', e), { ok: true });
    assert.deepEqual(await listRunningExecutors(emulator.client(), 'no-such-session'), []);
  } finally {
    await emulator.close();
  }
});

test("this project's mockClient(AthenaClient), answered by the client-mock handler, answers emulator.client() too", async () => {
  const emulator = await startEmulator();
  const athena = mockClient(AthenaClient);
  try {
    athena.on(ListExecutorsCommand).callsFake(listExecutorsHandler({ sessions: { 'mocked-session': executors } }));
    const running = await listRunningExecutors(emulator.client(), 'mocked-session', 4);
    assert.deepEqual(running.map((e) => e.ExecutorId), runningIds);
    assert.equal(athena.commandCalls(ListExecutorsCommand).length, 3);
  } finally {
    athena.restore();
    await emulator.close();
  }
});

test("the ListSessions handler pages this project's paginateListSessions: every IDLE session once, newest first, its times as Dates", async () => {
  const start = Date.UTC(2026, 0, 1);
  const sessions = Array.from({ length: 12 }, (_, i) => ({ SessionId: `session-${i}`, Status: { StartDateTime: new Date(start + i * 1500), State: i % 2 ? 'IDLE' : 'TERMINATED' } }));
  const athena = mockClient(AthenaClient);
  try {
    athena.on(ListSessionsCommand).callsFake(listSessionsHandler({ workgroups: { primary: sessions } }));
    const idle = await listSessionsIn(new AthenaClient({ region: 'us-east-1' }), 'primary', 'IDLE', 2);
    const expected = sessions.filter((s) => s.Status.State === 'IDLE').reverse();
    assert.deepEqual(idle.map((s) => s.SessionId), expected.map((s) => s.SessionId));
    assert.deepEqual(idle.map((s) => s.Status.StartDateTime.getTime()), expected.map((s) => s.Status.StartDateTime.getTime()));
    assert.equal(athena.commandCalls(ListSessionsCommand).length, 3);
  } finally {
    athena.restore();
  }
});

test('verify() passes every property against the built-in emulator, and a recording of it replays', async () => {
  const recording = mkdtempSync(join(tmpdir(), 'commonjs-example-recording-'));
  try {
    const report = await verify({ runs: 5, seed: 3, record: { dir: recording } });
    assert.deepEqual(report.summary, { passed: catalogue.length, failed: 0, skipped: 0, inconclusive: 0 });
    const replayed = await verify({ replay: recording });
    assert.equal(replayed.summary.failed, 0);
    assert.equal(replayed.summary.passed, catalogue.length);
  } finally {
    rmSync(recording, { recursive: true, force: true });
  }
});

test('the vitest entry point is for vitest test files, which import it even here: vitest cannot be required', () => {
  assert.throws(() => require('athena-executors-contract/vitest'), /Vitest cannot be imported in a CommonJS module using require\(\)/);
});

/**
 * Live runs against the emulator's session calls (AWS_ENDPOINT_URL_ATHENA, as the SDK reads it): the
 * harness starts the smallest session, reads it, and leaves no session running after success, a
 * property failure, a failing session, a network error, SIGINT or SIGTERM.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { TargetError, UsageError } from '../src/common/errors.js';
import { verify } from '../src/app/verify.js';
import { createEmulator, startEmulator, type Emulator, type FaultName } from '../src/emulator/index.js';
import { normalizeHeaders } from '../src/wire/exchange.js';
import { startServer } from './helpers/http-server.js';
import { LIVE_ENV, liveEnvironment } from './helpers/live-env.js';
import { interruptLive, type Interrupted } from './helpers/live-interrupt.js';

const ENV = LIVE_ENV;
const setEnv = liveEnvironment();
let emulator: Emulator | undefined;

async function emulatorWith(faults: FaultName[] = []): Promise<Emulator> {
  emulator = await startEmulator({ faults, growth: { stepMs: 5 } });
  setEnv({ ...ENV, AWS_ENDPOINT_URL_ATHENA: emulator.url });
  return emulator;
}

/** No session the emulator knows of is still running. */
function expectNoneRunning(e: Emulator): void {
  for (const [id, state] of Object.entries(e.core.sessionStates())) expect(['TERMINATED', 'FAILED'], `session ${id} is ${state}`).toContain(state);
}

/**
 * The emulator's session is ready within milliseconds; the bound on that wait (and on its executors',
 * and its termination's) is reached only when it never is, so it is sized for a loaded machine. The
 * test of a session that never becomes idle gives its own, short one.
 */
const live = { workGroup: 'spark-wg', pollIntervalMs: 5, readyTimeoutMs: 60_000 };

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe('verify --live', () => {
  it('starts a small session, reads it, terminates it and names it in the report', async () => {
    const e = await emulatorWith();
    const starts: string[] = [];
    const stop = e.core.handle;
    e.core.handle = (req) => {
      if (req.headers['x-amz-target'] === 'AmazonAthena.StartSession') starts.push(req.body);
      return stop(req);
    };
    const report = await verify({ live, runs: 5, seed: 1 });
    expect(report.summary.failed).toBe(0);
    expect(report.mode).toBe('observational');
    const [session] = report.live!.sessions;
    expect(session).toEqual({ sessionId: expect.any(String), startedByHarness: true, finalState: 'TERMINATED', idleTimeoutMinutes: 11, dpuExecutionInMillis: expect.any(Number) });
    expect(e.core.sessionStates()).toEqual({ [session.sessionId]: 'TERMINATED' });
    expect(report.live).toMatchObject({ endpoint: e.url, region: 'eu-west-1', workGroup: 'spark-wg' });
    expect(JSON.parse(starts[0])).toMatchObject({ WorkGroup: 'spark-wg', EngineConfiguration: { CoordinatorDpuSize: 1, MaxConcurrentDpus: 4, DefaultExecutorDpuSize: 1 }, SessionIdleTimeoutInMinutes: 11, ClientRequestToken: expect.any(String) });
  });

  it('terminates the session when a property fails', async () => {
    const e = await emulatorWith(['wrong-session-echo']);
    const report = await verify({ live, runs: 3, seed: 1, only: ['response.conforms'] });
    expect(report.summary.failed).toBe(1);
    expect(report.live!.sessions[0].finalState).toBe('TERMINATED');
    expectNoneRunning(e);
  });

  it('retries a failing TerminateSession until the session is terminated', async () => {
    const e = await emulatorWith(['terminate-fails-once']);
    const report = await verify({ live, runs: 2, seed: 1, only: ['pagination.page-size'] });
    expect(report.live!.sessions[0].finalState).toBe('TERMINATED');
    expectNoneRunning(e);
  });

  for (const [fault, message, readyTimeoutMs] of [
    ['start-session-fails', /StartSession in workgroup spark-wg failed/, live.readyTimeoutMs],
    ['session-never-idle', /was still CREATING after 1 s \(--ready-timeout\); session .* terminated/, 1000],
    ['session-fails', /became FAILED instead of IDLE/, live.readyTimeoutMs],
  ] as const) {
    it(`${fault}: exit-2 error, and no session left running`, async () => {
      const e = await emulatorWith([fault]);
      const error = await verify({ live: { ...live, readyTimeoutMs }, runs: 2 }).catch((x: unknown) => x);
      expect(error).toBeInstanceOf(TargetError);
      expect((error as Error).message).toMatch(message);
      expectNoneRunning(e);
    });
  }

  it('terminates the session when the network fails mid-run', async () => {
    // A server over an emulator core that resets the connection of every ListExecutors call, while
    // the session calls still get through.
    const core = createEmulator({ growth: { stepMs: 5 } });
    const server = await startServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const headers = normalizeHeaders(req.headers);
        if (headers['x-amz-target'] === 'AmazonAthena.ListExecutors') return req.socket.destroy();
        const answer = core.handle({ method: req.method ?? 'POST', path: req.url ?? '/', headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(answer.status, answer.headers).end(answer.body);
      });
    });
    setEnv({ ...ENV, AWS_ENDPOINT_URL_ATHENA: server.url });
    try {
      // The first ListExecutors is the harness's own, while it waits for the calculation's executors.
      await expect(verify({ live, runs: 2 })).rejects.toThrow(/ListExecutors of session .* failed while waiting for its executors \(.*socket hang up/);
      expect(Object.values(core.sessionStates())).toEqual(['TERMINATED']);
    } finally {
      await server.close();
    }
  });

  it('reads a given session without starting or terminating one', async () => {
    const e = await emulatorWith();
    e.seed('given-session', [{ ExecutorId: 'c', ExecutorType: 'COORDINATOR', StartDateTime: 1, ExecutorState: 'REGISTERED' }]);
    const report = await verify({ live: {}, sessionIds: ['given-session'], runs: 2, only: ['pagination.exactly-once'] });
    expect(report.live!.sessions).toEqual([{ sessionId: 'given-session', startedByHarness: false, finalState: 'IDLE' }]);
    expect(e.core.sessionStates()).toEqual({});
  });

  it('usage: --live needs a workgroup or a session, and reads no --endpoint', async () => {
    await expect(verify({ live: {} })).rejects.toThrow(new UsageError('--live needs --workgroup NAME (a Spark-enabled workgroup to start a session in) or --session-id ID (a running session to read)'));
    await expect(verify({ live, endpoint: 'http://127.0.0.1:1' })).rejects.toThrow(/--live .* drop --endpoint/);
  });
});

/** `verify --live` in a child process against `e`, sent `signal` once `ready()` holds. */
function interrupt(e: Emulator, signal: NodeJS.Signals, ready: () => boolean, extra: string[]): Promise<Interrupted> {
  return interruptLive({ url: e.url, env: ENV, args: ['--workgroup', 'spark-wg', '--poll-interval', '20', ...extra] }, signal, ready);
}

describe('verify --live under signals (child process)', () => {
  it('SIGINT while the session comes up: the session is terminated, exit 130', async () => {
    const e = await emulatorWith(['session-never-idle']);
    const { code, stderr } = await interrupt(e, 'SIGINT', () => Object.keys(e.core.sessionStates()).length > 0, ['--ready-timeout', '60']);
    expect(stderr).toContain('SIGINT: cleaning up before exit');
    expect(code).toBe(130);
    expect(Object.values(e.core.sessionStates())).toEqual(['TERMINATED']);
  });

  it('SIGTERM while the properties run: the session is terminated, exit 143', async () => {
    const e = await emulatorWith();
    const { code, stderr } = await interrupt(e, 'SIGTERM', () => Object.values(e.core.sessionStates()).some((s) => s === 'IDLE' || s === 'BUSY'), ['--runs', '100000']);
    expect(stderr).toMatch(/SIGTERM: cleaning up before exit[\s\S]*TERMINATED/);
    expect(code).toBe(143);
    expect(Object.values(e.core.sessionStates())).toEqual(['TERMINATED']);
  });
});

/**
 * A session's executors as a dashboard sees them: a coordinator and workers in three states. Typed
 * with the package's ExecutorsSummary (ExecutorId required), which startEmulator's `sessions` takes
 * and the SDK's ExecutorsSummary (whose ExecutorId may be undefined) accepts.
 */
import type { ExecutorsSummary } from 'athena-executors-contract';

const STATES = ['CREATING', 'REGISTERED', 'TERMINATED'] as const;
const START = Date.UTC(2026, 0, 1);

/** 120 executors, one second apart; every third one REGISTERED (running). */
export const executors: ExecutorsSummary[] = Array.from({ length: 120 }, (_, i) => ({
  ExecutorId: `executor-${String(i).padStart(3, '0')}`,
  ExecutorType: i === 0 ? 'COORDINATOR' : 'WORKER',
  ExecutorState: STATES[i % 3],
  StartDateTime: START + i * 1000,
  ...(STATES[i % 3] === 'TERMINATED' ? { TerminationDateTime: START + i * 1000 + 60_000 } : {}),
  ExecutorSize: 1,
}));

/** The ids the dashboard must show: the REGISTERED executors, newest first. */
export const runningIds = executors
  .filter((e) => e.ExecutorState === 'REGISTERED')
  .sort((a, b) => (b.StartDateTime ?? 0) - (a.StartDateTime ?? 0))
  .map((e) => e.ExecutorId);

/**
 * The PySpark code a live run's calculation runs, and the bounds that make a leaked session cheap.
 * The code asks Spark for executors (many partitions, each task holding its slot) and ends by itself:
 * every task sleeps only until one shared end time, so the job lasts about `holdSeconds` however many
 * executors Spark gets; a guard thread cancels the job `GUARD_GRACE_SECONDS` later in case tasks
 * never got a slot at all. Worst case, the calculation runs holdSeconds + GUARD_GRACE_SECONDS.
 */

/** Seconds past the hold after which the guard cancels the job (tasks that never started, a slow cancel). */
export const GUARD_GRACE_SECONDS = 30;

/** Tasks per executor slot-set: a 1-DPU executor runs 4 tasks at once, twice that keeps a backlog Spark scales for. */
const TASKS_PER_EXECUTOR = 8;

/** The PySpark code block of the growth calculation: about `holdSeconds`, at most holdSeconds + GUARD_GRACE_SECONDS. */
export function growthCode(options: { holdSeconds: number; executors: number }): string {
  const partitions = Math.max(8, TASKS_PER_EXECUTOR * options.executors);
  return [
    '# athena-contract verify --live: ask Spark for executors, hold them, end by itself.',
    'import threading, time',
    'sc = spark.sparkContext',
    `end = time.time() + ${options.holdSeconds}`,
    "group = 'athena-contract-growth'",
    "sc.setJobGroup(group, 'athena-contract: hold executors for a bounded time', True)",
    `guard = threading.Timer(${options.holdSeconds + GUARD_GRACE_SECONDS}, lambda: sc.cancelJobGroup(group))`,
    'guard.daemon = True',
    'guard.start()',
    'try:',
    `    held = sc.parallelize(range(${partitions}), ${partitions}).map(lambda i: (time.sleep(max(0.0, end - time.time())), i)[1]).count()`,
    'except Exception:',
    '    held = -1',
    'finally:',
    '    guard.cancel()',
    'print(held)',
  ].join('\n');
}

/** The API's bounds of SessionIdleTimeoutInMinutes. */
const IDLE_TIMEOUT_RANGE = { min: 1, max: 480 } as const;

/**
 * The smallest SessionIdleTimeoutInMinutes that covers a run of `deadlineMs` (the session may be idle
 * for the whole run once the calculation ends), plus a minute for the termination, within 1..480.
 */
export function idleTimeoutMinutes(deadlineMs: number): number {
  return Math.min(IDLE_TIMEOUT_RANGE.max, Math.max(IDLE_TIMEOUT_RANGE.min, Math.ceil(deadlineMs / 60_000) + 1));
}

/**
 * The calculation's hold for a run of `deadlineMs`: half of it, which bounds what a harness that dies
 * leaves running. The harness stops the calculation when the run ends; a run that outlasts the hold
 * reads the session as its calculation ends by itself, as a session in production is read.
 */
export function holdSecondsFor(deadlineMs: number): number {
  return Math.max(1, Math.ceil(deadlineMs / 2000));
}

/**
 * What a harness that dies without cleaning up (SIGKILL, a lost runner) can leave behind: a session
 * that AWS ends after the calculation's worst case plus the idle timeout, at most `maxDpus` DPUs.
 */
export function leakBound(deadlineMs: number, maxDpus: number): { minutes: number; dpuHours: number } {
  const minutes = (holdSecondsFor(deadlineMs) + GUARD_GRACE_SECONDS) / 60 + idleTimeoutMinutes(deadlineMs);
  return { minutes, dpuHours: (minutes / 60) * maxDpus };
}

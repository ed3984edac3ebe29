// A session's executors: 30, one second apart, every third one REGISTERED (running).
const STATES = ['CREATING', 'REGISTERED', 'TERMINATED'];
const START = Date.UTC(2026, 0, 1);

const executors = Array.from({ length: 30 }, (_, i) => ({
  ExecutorId: `executor-${String(i).padStart(3, '0')}`,
  ExecutorType: i === 0 ? 'COORDINATOR' : 'WORKER',
  ExecutorState: STATES[i % 3],
  StartDateTime: START + i * 1000,
  ExecutorSize: 1,
}));

/** The ids a dashboard must show: the REGISTERED executors, newest first. */
const runningIds = executors.filter((e) => e.ExecutorState === 'REGISTERED').map((e) => e.ExecutorId).reverse();

module.exports = { executors, runningIds };

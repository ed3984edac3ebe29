/**
 * The self-test of the catalogue: every fault of the emulator must be caught by the property meant
 * for it (its registry entry's `catches`), and no property may fail on the fault-free emulator. The
 * fault × property table is derived from the registry entries (no second list) and printed, so a
 * reader sees what each property catches besides its own faults.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { catalogue, type PropertyId } from '../src/contract/catalogue/index.js';
import { runContract } from '../src/contract/run-contract.js';
import { FAULT_REGISTRY, type FaultName } from '../src/emulator/index.js';
import { emulatorTarget } from '../src/targets/emulator-target.js';

const SEED = 424242;
// Every fault is caught by its property within 20 runs on the seeds tried (most on the first); 50 leaves margin.
const RUNS_WITH_FAULT = 50;
/**
 * The table's other columns (what else a fault fails) are read at fewer runs: they inform, they
 * assert nothing, and the whole catalogue at 50 runs per fault was a third of the file's time.
 */
const RUNS_FOR_TABLE = 10;
/** The table needs which properties fail, not the smallest counterexample: shrinking stops at once. */
const SHRINK_MS = 1;

/** The properties failed against the emulator with `faults`: `meant` at {@link RUNS_WITH_FAULT} runs, the rest of the catalogue at {@link RUNS_FOR_TABLE}. */
async function failedProperties(faults: FaultName[], meant?: PropertyId): Promise<Set<string>> {
  const target = emulatorTarget({ region: 'us-east-1', faults });
  const failed = async (only: PropertyId[] | undefined, runs: number) => {
    const report = await runContract({ target, mode: 'seeded', seed: SEED, runs, shrinkBudgetMs: SHRINK_MS, ...(only ? { only } : {}) });
    return report.properties.filter((p) => p.status === 'failed').map((p) => p.id);
  };
  const ids = meant ? [...(await failed([meant], RUNS_WITH_FAULT)), ...(await failed(catalogue.map((p) => p.id).filter((id) => id !== meant), RUNS_FOR_TABLE))] : await failed(undefined, 100);
  await target.close();
  return new Set(ids);
}

/**
 * The property each ListExecutors fault is meant for, by fault (live-mode cleanup faults have none;
 * the other operations' faults are test/family-faults.test.ts's); typed, so a `catches` that is no id
 * fails tsc.
 */
const meantFor = new Map<FaultName, PropertyId>(FAULT_REGISTRY.flatMap((f) => (f.operation !== 'ListExecutors' ? [] : [[f.name, f.catches] as const])));
const contractFaults = [...meantFor.keys()];

describe('self-test: each property fails on the faults it is meant to catch', () => {
  /** What failed, by fault ('(none)' first): each test adds its row, the table is printed at the end. */
  const rows = new Map<string, Set<string>>();

  afterAll(() => {
    const ids = catalogue.map((p) => p.id);
    const width = Math.max(...[...rows.keys()].map((fault) => fault.length));
    const header = `${''.padEnd(width)}  ${ids.map((_, i) => `P${i + 1}`.padStart(3)).join(' ')}`;
    const lines = [...rows].map(([fault, failed]) => {
      const meant = meantFor.get(fault as FaultName);
      return `${fault.padEnd(width)}  ${ids.map((id) => (failed.has(id) ? (id === meant ? '  ■' : '  ×') : id === meant ? '  ?' : '  ·').padStart(3)).join(' ')}`;
    });
    const legend = ids.map((id, i) => `P${i + 1} ${id}`).join('\n');
    console.log(`fault × property (■ caught by the property meant for it, × also failed within ${RUNS_FOR_TABLE} runs, ? missed)\n${header}\n${lines.join('\n')}\n${legend}`);
  });

  it('every catalogue property has at least two faults meant for it', () => {
    for (const p of catalogue) expect(contractFaults.filter((f) => meantFor.get(f) === p.id).length, p.id).toBeGreaterThanOrEqual(2);
  });

  it('the fault-free emulator fails no property', async () => {
    rows.set('(none)', await failedProperties([]));
    expect([...rows.get('(none)')!], 'properties failing on the fault-free emulator').toEqual([]);
  });

  // One test per fault (each the whole catalogue, for the table's "also failed"), so that each has the
  // test timeout to itself on a loaded machine.
  it.each(contractFaults)('%s fails the property that names it', async (fault) => {
    const failed = await failedProperties([fault], meantFor.get(fault));
    rows.set(fault, failed);
    expect([...failed], `${fault} is meant for ${meantFor.get(fault)}`).toContain(meantFor.get(fault));
  });
});

describe('self-test in observational mode: the properties that only read sessions catch their faults too', () => {
  const executors = Array.from({ length: 14 }, (_, i) => ({
    ExecutorId: `executor-${String(i).padStart(2, '0')}`,
    StartDateTime: 1_764_000_000_000 + Math.floor(i / 2) * 60_000,
    ExecutorState: (['REGISTERED', 'TERMINATED', 'FAILED', 'CREATING'] as const)[i % 4],
    ExecutorType: i === 0 ? ('COORDINATOR' as const) : ('WORKER' as const),
    ExecutorSize: 1,
  }));
  const observable = contractFaults.filter((f) => catalogue.find((p) => p.id === meantFor.get(f))!.modes.includes('observational'));

  it.each(observable)('%s is caught by its property when the harness only reads two sessions', async (fault) => {
    const target = emulatorTarget({ region: 'us-east-1', faults: [fault] });
    await target.seeding!.put('observed-a', executors);
    await target.seeding!.put('observed-b', executors.slice(0, 9).map((e) => ({ ...e, ExecutorId: `b-${e.ExecutorId}` })));
    const meant = meantFor.get(fault)!;
    const report = await runContract({ target, mode: 'observational', sessions: ['observed-a', 'observed-b'], seed: SEED, runs: RUNS_WITH_FAULT, only: [meant], shrinkBudgetMs: SHRINK_MS });
    await target.close();
    expect(report.properties[0].status, report.properties[0].counterexample?.message).toBe('failed');
  });
});

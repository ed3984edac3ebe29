/**
 * Bench section: the contract's own cost. Wall time of the default `verify` (the main job), the
 * harness's time per SDK call as a ratio to a bare loop of the very same calls against the same
 * emulator, and the time each built-in fault takes to be caught and shrunk.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ListExecutorsCommand, type ListExecutorsRequest } from '@aws-sdk/client-athena';
import { runContract } from '../contract/run-contract.js';
import { FAULTS, FAULT_NAMES } from '../emulator/index.js';
import { LIST_EXECUTORS, profileNamed } from '../profiles/index.js';
import type { WireRequest } from '../wire/exchange.js';
import { emulatorTarget } from '../targets/emulator-target.js';
import type { BenchFigure, BenchSection } from './section.js';

const BIN = fileURLToPath(new URL('../bin/athena-contract.js', import.meta.url));
const SEED = 20261125;

function wallOfVerify(): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    execFile(BIN, ['verify', '--seed', String(SEED), '--no-progress'], (error) => (error ? reject(error) : resolve(performance.now() - start)));
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The operation the default run checks. */
const P = LIST_EXECUTORS;
const isList = (r: WireRequest) => (r.headers['x-amz-target'] ?? '').endsWith(`.${P.operation}`);

/** One default catalogue run in process: its time and every request it made. */
async function harnessRun(): Promise<{ ms: number; requests: WireRequest[] }> {
  const target = emulatorTarget({ region: 'us-east-1' });
  const requests: WireRequest[] = [];
  target.onExchange((e) => requests.push(e.request));
  const start = performance.now();
  await runContract({ target, mode: 'seeded', seed: SEED, runs: 100 });
  const ms = performance.now() - start;
  await target.close();
  return { ms, requests };
}

/** Sends exactly `requests` through a bare loop: the SDK for the operation's calls, the seeding routes as they are. */
async function bareRun(requests: readonly WireRequest[]): Promise<number> {
  const bare = emulatorTarget({ region: 'us-east-1' });
  const seeding = bare.seeding!;
  const start = performance.now();
  for (const r of requests) {
    if (isList(r)) {
      let input: ListExecutorsRequest;
      try {
        input = JSON.parse(r.body) as ListExecutorsRequest;
      } catch {
        input = {} as ListExecutorsRequest;
      }
      await bare.client.send(new ListExecutorsCommand(input)).catch(() => undefined);
    } else if (r.method === 'PUT') {
      await seeding.put(decodeURIComponent(r.path.split('/').pop()!), (JSON.parse(r.body) as Record<string, object[]>)[P.parent.seedMember]);
    } else await seeding.drop(decodeURIComponent(r.path.split('/').pop()!));
  }
  const ms = performance.now() - start;
  await bare.close();
  return ms;
}

/**
 * The harness's time per call against a bare loop of the very same requests, in alternating rounds
 * (the SDK keeps getting faster as the JIT warms, so a single pass favours whichever ran last),
 * keeping each side's best round.
 */
async function harnessOverhead(rounds = 5): Promise<{ harnessMs: number; bareMs: number; calls: number }> {
  let harnessMs = Infinity;
  let bareMs = Infinity;
  let calls = 0;
  for (let i = 0; i < rounds; i++) {
    const h = await harnessRun();
    harnessMs = Math.min(harnessMs, h.ms);
    bareMs = Math.min(bareMs, await bareRun(h.requests));
    calls = h.requests.filter(isList).length;
  }
  return { harnessMs, bareMs, calls };
}

/** The section. */
export const contractBench: BenchSection = {
  title: 'Contract (verify against the built-in emulator, seed 20261125, 100 runs per property)',
  async run() {
    const figures: BenchFigure[] = [];
    const walls: number[] = [];
    for (let i = 0; i < 3; i++) walls.push(await wallOfVerify());
    figures.push({ name: 'default `verify` wall time (median of 3)', value: median(walls) / 1000, unit: 's', note: `whole process, min ${(Math.min(...walls) / 1000).toFixed(2)} s, max ${(Math.max(...walls) / 1000).toFixed(2)} s; aim ≤ 5 s` });
    const o = await harnessOverhead();
    figures.push({ name: `${P.operation} calls in one default run`, value: o.calls, unit: 'calls' });
    figures.push({ name: 'harness time per call / bare SDK loop of the same calls', value: o.harnessMs / o.bareMs, unit: '×', note: `${((o.harnessMs / o.calls) * 1000).toFixed(0)} µs vs ${((o.bareMs / o.calls) * 1000).toFixed(0)} µs per call, best of 5 alternating rounds; aim ≤ 1.3×` });
    for (const fault of FAULT_NAMES) {
      const meant = FAULTS[fault].catches;
      if (!meant) continue;
      const target = emulatorTarget({ region: 'us-east-1', faults: [fault] });
      const start = performance.now();
      const report = await runContract({ target, mode: 'seeded', profile: profileNamed(FAULTS[fault].operation ?? P.operation) ?? P, seed: SEED, runs: 100, only: [meant] });
      const ms = performance.now() - start;
      await target.close();
      const p = report.properties[0];
      figures.push({
        name: `time to a shrunk counterexample: ${fault}`,
        value: ms,
        unit: 'ms',
        note: p.status === 'failed' ? `${meant}, failed on run ${p.runs}` : `NOT CAUGHT by ${meant}`,
      });
    }
    return figures;
  },
};

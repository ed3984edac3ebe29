/**
 * Bench section: the contract's own cost. Wall time of the default `verify`, of each operation's and
 * of all three (the main job), each operation's harness time per SDK call as a ratio to a bare loop of the very same calls against the same
 * emulator, and the time each built-in fault takes to be caught and shrunk.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as athena from '@aws-sdk/client-athena';
import type { AthenaClient } from '@aws-sdk/client-athena';
import { runContract } from '../contract/run-contract.js';
import { FAULTS, FAULT_NAMES } from '../emulator/index.js';
import { FAMILY, LIST_EXECUTORS, profileNamed, type OperationProfile } from '../profiles/index.js';
import type { WireRequest } from '../wire/exchange.js';
import { emulatorTarget } from '../targets/emulator-target.js';
import type { BenchFigure, BenchSection } from './section.js';

const BIN = fileURLToPath(new URL('../bin/athena-contract.js', import.meta.url));
const SEED = 20261125;

/** The wall time of one `verify` process with `args` (the default run without any). */
function wallOfVerify(args: readonly string[] = []): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    execFile(BIN, ['verify', '--seed', String(SEED), '--no-progress', ...args], (error) => (error ? reject(error) : resolve(performance.now() - start)));
  });
}

/** The median wall time of three `verify` processes with `args`, and the note saying how they spread. */
async function wallFigure(name: string, args: readonly string[], aim: string): Promise<BenchFigure> {
  const walls: number[] = [];
  for (let i = 0; i < 3; i++) walls.push(await wallOfVerify(args));
  return { name, value: median(walls) / 1000, unit: 's', note: `whole process, min ${(Math.min(...walls) / 1000).toFixed(2)} s, max ${(Math.max(...walls) / 1000).toFixed(2)} s; ${aim}` };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Whether `r` is a call of `profile`'s operation (not a seeding route). */
const isList = (profile: OperationProfile, r: WireRequest) => (r.headers['x-amz-target'] ?? '') === profile.amzTarget;

/** A command the client sends. */
type SdkCommand = Parameters<AthenaClient['send']>[0];

/** The SDK's command class of `profile`'s operation. */
function commandOf(profile: OperationProfile): new (input: object) => SdkCommand {
  const ctor = (athena as Record<string, unknown>)[profile.sdkCommand ?? ''];
  if (typeof ctor !== 'function') throw new Error(`bench contract: @aws-sdk/client-athena exports no command for ${profile.operation}`);
  return ctor as new (input: object) => SdkCommand;
}

/** One default catalogue run of `profile`'s operation in process: its time and every request it made. */
async function harnessRun(profile: OperationProfile): Promise<{ ms: number; requests: WireRequest[] }> {
  const target = emulatorTarget({ region: 'us-east-1' });
  const requests: WireRequest[] = [];
  target.onExchange((e) => requests.push(e.request));
  const start = performance.now();
  await runContract({ target, mode: 'seeded', seed: SEED, runs: 100, profile });
  const ms = performance.now() - start;
  await target.close();
  return { ms, requests };
}

/** Sends exactly `requests` through a bare loop: the SDK for the operation's calls, the seeding routes as they are. */
async function bareRun(profile: OperationProfile, requests: readonly WireRequest[]): Promise<number> {
  const bare = emulatorTarget({ region: 'us-east-1' });
  const seeding = bare.seeding!;
  const Command = commandOf(profile);
  const start = performance.now();
  for (const r of requests) {
    if (isList(profile, r)) {
      let input: object;
      try {
        input = JSON.parse(r.body) as object;
      } catch {
        input = {};
      }
      await bare.client.send(new Command(input)).catch(() => undefined);
    } else if (r.method === 'PUT') {
      await seeding.put(decodeURIComponent(r.path.split('/').pop()!), (JSON.parse(r.body) as Record<string, object[]>)[profile.parent.seedMember], profile);
    } else await seeding.drop(decodeURIComponent(r.path.split('/').pop()!), profile);
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
async function harnessOverhead(profile: OperationProfile, rounds = 5): Promise<{ harnessMs: number; bareMs: number; calls: number }> {
  let harnessMs = Infinity;
  let bareMs = Infinity;
  let calls = 0;
  for (let i = 0; i < rounds; i++) {
    const h = await harnessRun(profile);
    harnessMs = Math.min(harnessMs, h.ms);
    bareMs = Math.min(bareMs, await bareRun(profile, h.requests));
    calls = h.requests.filter((r) => isList(profile, r)).length;
  }
  return { harnessMs, bareMs, calls };
}

/** The section. */
export const contractBench: BenchSection = {
  title: 'Contract (verify against the built-in emulator, seed 20261125, 100 runs per property)',
  async run() {
    const figures: BenchFigure[] = [];
    const single = await wallFigure('default `verify` wall time (median of 3)', [], 'ListExecutors, the default; aim ≤ 5 s');
    figures.push(single);
    for (const profile of FAMILY.slice(1)) figures.push(await wallFigure(`\`verify --operation ${profile.operation}\` wall time (median of 3)`, ['--operation', profile.operation], 'aim ≤ 5 s'));
    const all = await wallFigure('`verify --operation all` wall time (median of 3)', ['--operation', 'all'], 'the three operations in one run (`npm start`)');
    figures.push(all, { name: '`--operation all` / the default (ListExecutors alone)', value: all.value / single.value, unit: '×', note: 'aim ≤ 3×' });
    for (const profile of FAMILY) {
      const o = await harnessOverhead(profile);
      figures.push({ name: `${profile.operation} calls in one default run`, value: o.calls, unit: 'calls' });
      figures.push({ name: `${profile.operation}: harness time per call / bare SDK loop of the same calls`, value: o.harnessMs / o.bareMs, unit: '×', note: `${((o.harnessMs / o.calls) * 1000).toFixed(0)} µs vs ${((o.bareMs / o.calls) * 1000).toFixed(0)} µs per call, best of 5 alternating rounds; aim ≤ 1.3×` });
    }
    for (const fault of FAULT_NAMES) {
      const meant = FAULTS[fault].catches;
      if (!meant) continue;
      const target = emulatorTarget({ region: 'us-east-1', faults: [fault] });
      const start = performance.now();
      const report = await runContract({ target, mode: 'seeded', profile: profileNamed(FAULTS[fault].operation ?? LIST_EXECUTORS.operation) ?? LIST_EXECUTORS, seed: SEED, runs: 100, only: [meant] });
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

/**
 * A new operation is one profile: ListWidgets, made up here (test/helpers/widgets-endpoint.ts holds
 * its profile, its schemas and an endpoint written apart from src/), goes through the whole catalogue
 * in seeded and observational mode with no change to src/. It passes on the correct endpoint, and
 * the endpoint's faults fail the laws they break: oldest first fails `ordering.newest-first`, an item
 * repeated at a page boundary `pagination.exactly-once`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runContract } from '../src/contract/run-contract.js';
import { endpointTarget } from '../src/targets/endpoint-target.js';
import type { Report } from '../src/common/results.js';
import { LIST_WIDGETS, startWidgetsEndpoint, type WidgetFault, type WidgetsEndpoint } from './helpers/widgets-endpoint.js';

const STATES = LIST_WIDGETS.states;
/** Shelves an observational run reads: ties, a widget without a time, every state, one empty shelf. */
const SHELVES = {
  'shelf-a': Array.from({ length: 23 }, (_, i) => ({
    WidgetId: `w-${String(i).padStart(2, '0')}`,
    Color: 'RED',
    Status: i === 22 ? { State: STATES[i % STATES.length] } : { AddedDateTime: 1_700_000_000 + Math.floor(i / 3) + 0.125, State: STATES[i % STATES.length] },
  })),
  'shelf-b': [],
};

const open: WidgetsEndpoint[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()));
});

async function run(mode: 'seeded' | 'observational', fault?: WidgetFault, only?: string[]): Promise<Report> {
  const endpoint = await startWidgetsEndpoint({ fault, shelves: mode === 'observational' ? SHELVES : {} });
  open.push(endpoint);
  const target = endpointTarget({ url: endpoint.url, region: 'us-east-1', seeded: mode === 'seeded' });
  try {
    const report = await runContract({ target, mode, profile: LIST_WIDGETS, sessions: mode === 'observational' ? Object.keys(SHELVES) : [], seed: 1, runs: 10, only, deadlineMs: 120_000 });
    expect(endpoint.calls()).toBeGreaterThan(0);
    return report;
  } finally {
    await target.close();
  }
}

const statuses = (r: Report) => Object.fromEntries(r.properties.map((p) => [p.id, p.status]));

describe('a made-up operation, ListWidgets, through its profile alone', () => {
  it.each(['seeded', 'observational'] as const)('passes every law on the correct endpoint (%s)', async (mode) => {
    const report = await run(mode);
    const expected = Object.fromEntries(
      ['response.conforms', 'pagination.exactly-once', 'pagination.page-size', 'ordering.newest-first', 'filter.honoured', 'data.faithful', 'errors.invalid-request', 'errors.unknown-shelf', 'errors.invalid-token', 'pagination.stable-under-inserts'].map((id) => [
        id,
        mode === 'observational' && (id === 'data.faithful' || id === 'pagination.stable-under-inserts') ? 'skipped' : 'passed',
      ]),
    );
    expect(statuses(report)).toEqual(expected);
    expect(report.properties.filter((p) => p.status === 'passed').every((p) => p.runs > 0)).toBe(true);
  }, 300_000);

  it.each([
    ['oldest-first', 'ordering.newest-first'],
    ['repeat-at-boundary', 'pagination.exactly-once'],
  ] as const)('fails by the law it breaks: %s fails %s, in both modes', async (fault, law) => {
    for (const mode of ['seeded', 'observational'] as const) {
      const report = await run(mode, fault, [law]);
      const p = report.properties.find((x) => x.id === law);
      expect(p?.status, `${mode}: ${JSON.stringify(p?.counterexample?.message ?? p?.reason)}`).toBe('failed');
      expect(p?.counterexample?.message).toMatch(/widget/);
    }
  }, 300_000);
});

/**
 * How fast-check draws a property's scenarios in a run, whoever checks them (the pool, through the
 * scenario stream, or fast-check's own loop from a path): the arbitrary with its boundary cases, and
 * the options (the property's seed, the boundary cases as examples before the random runs).
 */
import type fc from 'fast-check';
import type { ContractProperty } from '../catalogue/property.js';
import { boundaryExamples, withBoundaryCases } from './boundary-phase.js';
import { propertyKey, propertySeed } from './seeds.js';
import type { RunSettings } from './settings.js';

/** A property's draw: the arbitrary and fast-check's options; `cases` counts the boundary cases among the examples. */
export interface Draw {
  arbitrary: fc.Arbitrary<unknown>;
  options: fc.Parameters<[unknown]>;
  cases: number;
}

/** The draw of `property` in the run of `settings`: the boundary cases are computed once, as fast-check knows examples by identity. */
export function drawOf(property: ContractProperty, settings: Pick<RunSettings, 'mode' | 'sessions' | 'profile' | 'seed' | 'runs'>): Draw {
  const sc = { mode: settings.mode, sessions: settings.sessions, profile: settings.profile };
  const examples = boundaryExamples(property, sc);
  return {
    arbitrary: withBoundaryCases(property.scenario(sc), examples),
    options: { seed: propertySeed(settings.seed, propertyKey(property.id, settings.profile?.operation)), numRuns: settings.runs + examples.length, examples },
    cases: examples.length,
  };
}

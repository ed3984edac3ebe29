/**
 * Bench section of the arbitraries: how fast values are generated and validated, since every
 * property run draws thousands of populations and validates every body it receives.
 */
import fc from 'fast-check';
import { executorPopulation, valid } from '../arbitraries/index.js';
import { LIST_EXECUTORS } from '../profiles/index.js';
import { validatorFor } from '../schema/validators.js';
import { perSecond, type BenchSection } from './section.js';

/** The operation whose arbitraries are measured. */
const P = LIST_EXECUTORS;
/** Values per batch: fc.sample's per-call setup is paid once per batch, as in a property run. */
const BATCH = 1000;

/** Generation and validation throughput of the schema and domain arbitraries. */
export const arbitrariesBench: BenchSection = {
  title: 'Arbitraries',
  async run() {
    const summaries = valid('executors-summary.schema.json');
    const populations = executorPopulation();
    let executorsInPopulations = 0;
    let populationsDrawn = 0;
    const populationRate = await perSecond(() => {
      for (const p of fc.sample(populations, 100)) executorsInPopulations += p.length;
      populationsDrawn += 100;
    });
    const page = {
      ...(P.echo ? { [P.echo]: '2f3a7c9e-1b2d-4e5f-8a9b-0c1d2e3f4a5b' } : {}),
      [P.token]: 'eyJvZmZzZXQiOjEwfQ',
      [P.items]: fc.sample(executorPopulation({ minSize: 10, maxSize: 10 }), { seed: 1, numRuns: 1 })[0],
    };
    const validateResponse = validatorFor('list-executors-response.schema.json');
    return [
      {
        name: 'valid(executors-summary) values',
        value: BATCH * (await perSecond(() => fc.sample(summaries, BATCH))),
        unit: 'values/s',
        note: 'boundary-biased schema arbitrary, fc.sample in batches of 1,000',
      },
      {
        name: 'executorPopulation() populations',
        value: 100 * populationRate,
        unit: 'populations/s',
        note: `default sizes 0..300, ${(executorsInPopulations / populationsDrawn).toFixed(1)} executors on average`,
      },
      {
        name: 'executors inside populations',
        value: (100 * populationRate * executorsInPopulations) / populationsDrawn,
        unit: `${P.items}/s`,
        note: 'domain executors (unique ids, tied start times)',
      },
      {
        name: 'ajv validations of a 10-executor response page',
        value: await perSecond(() => validateResponse(page)),
        unit: 'validations/s',
        note: 'list-executors-response.schema.json, allErrors',
      },
    ];
  },
};

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { constraintsOf, invalid } from '../src/arbitraries/index.js';
import { schemaFiles } from '../src/schema/load.js';
import { validatorFor } from '../src/schema/validators.js';
import { assertEveryValue, assertSameSeedSameValues, problemsWithRejection } from './helpers/arbitrary-laws.js';

const RUNS = 2000;

describe('invalid(schema)', () => {
  for (const file of schemaFiles) {
    describe(file, () => {
      it('ajv rejects every value, for the labelled constraint and nothing else, and every breakable constraint occurs', () => {
        const labels = new Set<string>();
        const validateFn = validatorFor(file);
        assertEveryValue(invalid(file), ({ value, breaks }) => {
          labels.add(breaks);
          validateFn(value);
          return problemsWithRejection(breaks, validateFn.errors);
        }, RUNS);
        expect([...labels].sort()).toEqual([...constraintsOf(file)].sort());
      });

      it('the same seed gives the same values', () => {
        assertSameSeedSameValues(invalid(file), 100);
      });
    });
  }

  it('constraintsOf(request) lists every constraint of the request, and skips the unbreakable (minLength 0)', () => {
    expect(constraintsOf('list-executors-request.schema.json').sort()).toEqual([
      '(root)/type',
      'ExecutorStateFilter/enum',
      'ExecutorStateFilter/type',
      'MaxResults/maximum',
      'MaxResults/minimum',
      'MaxResults/type',
      'NextToken/maxLength',
      'NextToken/type',
      'SessionId/maxLength',
      'SessionId/minLength',
      'SessionId/required',
      'SessionId/type',
    ]);
  });

  it('a pattern that every string matches (".*") is not a breakable constraint', () => {
    expect(constraintsOf('executors-summary.schema.json')).not.toContain('ExecutorId/pattern');
    expect(constraintsOf('executors-summary.schema.json')).not.toContain('ExecutorId/minLength');
  });

  it('near misses occur: one past each bound, a fraction, a number as a string, another case, a space around, null', () => {
    const values = fc.sample(invalid('list-executors-request.schema.json'), 20_000);
    const member = (label: string, name: string) =>
      values.filter((b) => b.breaks === label).map((b) => (b.value as Record<string, unknown>)[name]);
    expect(member('MaxResults/minimum', 'MaxResults')).toContain(0);
    expect(member('MaxResults/maximum', 'MaxResults')).toContain(101);
    expect(member('MaxResults/type', 'MaxResults')).toEqual(expect.arrayContaining([1.5, '10', null]));
    expect(member('SessionId/maxLength', 'SessionId').map((s) => (s as string).length)).toContain(257);
    expect(member('SessionId/minLength', 'SessionId')).toContain('');
    expect(member('NextToken/maxLength', 'NextToken').map((s) => (s as string).length)).toContain(2049);
    expect(member('ExecutorStateFilter/enum', 'ExecutorStateFilter')).toEqual(expect.arrayContaining(['failed', ' FAILED', 'FAILED ']));
    expect(values.filter((b) => b.breaks === '(root)/type').map((b) => b.value)).toEqual(expect.arrayContaining([null, []]));
  });

  it('objects that forbid unknown members get one as their broken constraint', () => {
    const closed = { type: 'object', additionalProperties: false, properties: { a: { type: 'boolean' } } } as const;
    expect(constraintsOf(closed)).toEqual(['(root)/type', 'a/type', '(root)/additionalProperties']);
  });

  it('the rejection law itself fails a mislabelled or doubly broken value', () => {
    const check = validatorFor('list-executors-request.schema.json');
    check({ SessionId: 'a', MaxResults: 101 });
    expect(problemsWithRejection('MaxResults/minimum', check.errors)).not.toEqual([]);
    check({ MaxResults: 101 });
    expect(problemsWithRejection('MaxResults/maximum', check.errors)).not.toEqual([]);
    check({ SessionId: 'a' });
    expect(problemsWithRejection('SessionId/required', check.errors)).toEqual(['SessionId/required: ajv accepted the value']);
  });

  it('a schema with nothing to break is refused at compile time', () => {
    expect(() => invalid({ description: 'anything' })).toThrow('arbitraries: invalid: no constraint can be broken');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { valid } from '../src/arbitraries/index.js';
import { schemaFiles, type JsonSchema } from '../src/schema/load.js';
import { validate } from '../src/schema/validators.js';
import { assertEveryValue, assertSameSeedSameValues, edgesOf, recordEdges } from './helpers/arbitrary-laws.js';

describe('valid(schema)', () => {
  for (const file of schemaFiles) {
    describe(file, () => {
      it('every value passes ajv, and every enum value, range end, length end, optional presence and absence occurs', () => {
        const seen = new Set<string>();
        assertEveryValue(valid(file), (value) => {
          recordEdges(file, value, seen);
          const verdict = validate(file, value);
          return verdict.ok ? [] : verdict.errors;
        }, 10_000);
        const missed = [...edgesOf(file)].filter((edge) => !seen.has(edge));
        expect(missed, `edges of ${file} never generated`).toEqual([]);
      });

      it('the same seed gives the same values', () => {
        assertSameSeedSameValues(valid(file));
      });
    });
  }

  it('unknown members, when asked for, are added only where the schema allows them and still validate', () => {
    const seen = new Set<string>();
    assertEveryValue(valid('list-executors-request.schema.json', { unknownMembers: true }), (value) => {
      for (const k of Object.keys(value)) seen.add(k);
      const verdict = validate('list-executors-request.schema.json', value);
      return verdict.ok ? [] : verdict.errors;
    }, 1000);
    expect([...seen].some((k) => !['SessionId', 'ExecutorStateFilter', 'MaxResults', 'NextToken'].includes(k))).toBe(true);
    const closed = { type: 'object', additionalProperties: false, properties: { a: { type: 'integer' } } } as const;
    assertEveryValue(valid(closed, { unknownMembers: true }), (value) => {
      const extra = Object.keys(value as object).filter((k) => k !== 'a');
      return extra.length === 0 ? [] : [`unknown members ${extra.join(', ')} in a closed object`];
    }, 300);
  });

  it('lists stay at most maxItems long except rarely, and then at most longMaxItems', () => {
    const lengths = fc.sample(valid({ type: 'array', items: { type: 'integer' } }, { maxItems: 4, longMaxItems: 8 }), 2000).map((l) => (l as unknown[]).length);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(8);
    expect(lengths.filter((n) => n > 4).length).toBeGreaterThan(0);
    expect(lengths.filter((n) => n > 4).length).toBeLessThan(lengths.length / 5);
  });

  it('strings at a huge maxLength reach the maximum yet generate fast', () => {
    const started = performance.now();
    const lengths = fc.sample(valid({ type: 'string', maxLength: 100_000 }), 10_000).map((s) => (s as string).length);
    expect(lengths).toContain(100_000);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('the compiler refuses what it cannot honour', () => {
  it('an unsupported keyword is a compile-time error naming the keyword and the schema path', () => {
    const schema: JsonSchema = {
      $id: 'list-executors-request.schema.json',
      type: 'object',
      properties: { X: { oneOf: [{ type: 'string' }] } },
    };
    expect(() => valid(schema)).toThrow('arbitraries: unsupported keyword "oneOf" at list-executors-request.schema.json#/properties/X');
  });

  it('a keyword deep inside a schema is reported at its own path', () => {
    expect(() => valid({ type: 'array', items: { type: 'string', format: 'uuid' } })).toThrow(
      'arbitraries: unsupported keyword "format" at (inline schema)#/items',
    );
  });

  it('a $ref that is not a schema file name is refused', () => {
    expect(() => valid({ $ref: '#/definitions/X' })).toThrow('arbitraries: unsupported keyword "$ref" to "#/definitions/X"');
  });

  it('a keyword beside $ref is refused, since draft-07 and ajv read it differently', () => {
    expect(() => valid({ $ref: 'executor-state.schema.json', maxLength: 3 })).toThrow('keyword "maxLength" beside "$ref"');
  });

  it('additionalProperties as a schema is refused rather than ignored', () => {
    expect(() => valid({ type: 'object', additionalProperties: { type: 'string' } })).toThrow('unsupported keyword "additionalProperties"');
  });
});

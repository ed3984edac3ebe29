/**
 * Laws every arbitrary of the harness obeys, as reusable assertions (after fast-check's
 * ArbitraryAssertions): same seed gives same values, every value is correct, and, for schema
 * arbitraries, every edge the schema names occurs. The edges are found by walking the schema, so a
 * new enum value or bound is checked without touching the tests.
 */
import fc from 'fast-check';
import type { ErrorObject } from 'ajv';
import { expect } from 'vitest';
import type { JsonSchema } from '../../src/schema/load.js';
import { childNode, pointerSegment, rootNode, type SchemaInput, type SchemaNode } from '../../src/arbitraries/schema-node.js';
import { codePointLength } from '../../src/schema/json.js';
import { hasJsonType, patternAlwaysMatches } from '../../src/arbitraries/violations.js';

/** Law: two samples of `arbitrary` drawn with the same seed are equal. */
export function assertSameSeedSameValues<T>(arbitrary: fc.Arbitrary<T>, numRuns = 200): void {
  const seed = Date.now() ^ 0x5eed;
  expect(fc.sample(arbitrary, { seed, numRuns })).toEqual(fc.sample(arbitrary, { seed, numRuns }));
}

/**
 * Law: every value of `arbitrary` satisfies `check`, which returns what is wrong (empty when
 * correct). Fails with fast-check's counterexample and replay seed.
 */
export function assertEveryValue<T>(arbitrary: fc.Arbitrary<T>, check: (value: T) => readonly string[], numRuns: number): void {
  fc.assert(
    fc.property(arbitrary, (value) => {
      const problems = check(value);
      if (problems.length > 0) throw new Error(problems.join('\n'));
    }),
    { numRuns },
  );
}

/**
 * The edges of `schema` that a boundary-biased valid arbitrary must reach: every enum value, both
 * ends of every length and range (a string's lower end is 0 when unset; strings drawn from a pattern are exempt), presence and absence of
 * every optional member, and the empty list.
 */
export function edgesOf(schema: SchemaInput): Set<string> {
  const out = new Set<string>();
  walkSchema(rootNode(schema), '', out);
  return out;
}

/** Records into `seen` the edges of `schema` that `value` (valid for it) reaches. */
export function recordEdges(schema: SchemaInput, value: unknown, seen: Set<string>): void {
  walkValue(rootNode(schema), value, '', seen);
}

function here(path: string): string {
  return path === '' ? '(root)' : path;
}

function walkSchema(node: SchemaNode, path: string, out: Set<string>): void {
  const { schema } = node;
  if (schema.enum !== undefined) {
    for (const v of schema.enum) out.add(`${here(path)} = ${JSON.stringify(v)}`);
    return;
  }
  // A pattern's own strings decide their lengths: only free strings are asked to reach the ends.
  if (schema.type === 'string' && (schema.pattern === undefined || patternAlwaysMatches(schema.pattern))) {
    out.add(`${here(path)} length ${schema.minLength ?? 0}`);
    if (schema.maxLength !== undefined) out.add(`${here(path)} length ${schema.maxLength}`);
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    if (schema.minimum !== undefined) out.add(`${here(path)} = ${schema.minimum}`);
    if (schema.maximum !== undefined) out.add(`${here(path)} = ${schema.maximum}`);
  }
  if (schema.type === 'array') {
    out.add(`${here(path)} empty`);
    if (schema.items !== undefined) walkSchema(childNode(node, 'items', schema.items), `${path}/*`, out);
  }
  for (const [name, sub] of Object.entries(schema.properties ?? {})) {
    const member = `${path}${path === '' ? '' : '/'}${pointerSegment(name)}`;
    if (!(schema.required ?? []).includes(name)) {
      out.add(`${member} present`);
      out.add(`${member} absent`);
    }
    walkSchema(childNode(node, `properties/${pointerSegment(name)}`, sub), member, out);
  }
}

const childCache = new Map<string, SchemaNode>();

/** childNode, memoized: the value walk visits the same nodes for every value. */
function child(parent: SchemaNode, pointer: string, schema: JsonSchema): SchemaNode {
  const key = `${parent.at}/${pointer}`;
  let node = childCache.get(key);
  if (!node) {
    node = childNode(parent, pointer, schema);
    childCache.set(key, node);
  }
  return node;
}

function walkValue(node: SchemaNode, value: unknown, path: string, seen: Set<string>): void {
  const { schema } = node;
  if (schema.enum !== undefined) {
    seen.add(`${here(path)} = ${JSON.stringify(value)}`);
    return;
  }
  if (typeof value === 'string') {
    // Only the ends are edges, and n code points take n..2n UTF-16 units: count only near an end.
    const min = schema.minLength ?? 0;
    const max = schema.maxLength;
    const nearEnd = value.length <= 2 * min || (max !== undefined && value.length >= max && value.length <= 2 * max);
    if (nearEnd) seen.add(`${here(path)} length ${codePointLength(value)}`);
  }
  if (typeof value === 'number' && (value === schema.minimum || value === schema.maximum)) seen.add(`${here(path)} = ${value}`);
  if (Array.isArray(value)) {
    if (value.length === 0) seen.add(`${here(path)} empty`);
    if (schema.items !== undefined) {
      const items = child(node, 'items', schema.items);
      for (const item of value) walkValue(items, item, `${path}/*`, seen);
    }
  }
  if (hasJsonType(value, 'object')) {
    const record = value as Record<string, unknown>;
    for (const [name, sub] of Object.entries(schema.properties ?? {})) {
      const member = `${path}${path === '' ? '' : '/'}${pointerSegment(name)}`;
      seen.add(`${member} ${name in record ? 'present' : 'absent'}`);
      if (name in record) walkValue(child(node, `properties/${pointerSegment(name)}`, sub), record[name], member, seen);
    }
  }
}

/** The ajv location a constraint label points at: the instance path pattern, the keyword, and for `required` the missing member. */
export interface LabelTarget {
  instancePath: RegExp;
  keyword: string;
  missingProperty?: string;
}

/** Maps a label of `invalid()` (`ExecutorsSummary/*\/ExecutorId/required`) to where ajv reports it. */
export function targetOfLabel(label: string): LabelTarget {
  const segments = label.split('/');
  const keyword = segments.pop() as string;
  const members = segments[0] === '(root)' ? [] : segments;
  const pathOf = (s: readonly string[]) =>
    new RegExp(`^${s.map((m) => `/${m === '*' ? '\\d+' : m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).join('')}$`);
  if (keyword === 'required') {
    const missing = members[members.length - 1].replace(/~1/g, '/').replace(/~0/g, '~');
    return { instancePath: pathOf(members.slice(0, -1)), keyword, missingProperty: missing };
  }
  return { instancePath: pathOf(members), keyword };
}

/** Whether one ajv error is the one a label names. */
export function errorMatchesLabel(error: ErrorObject, label: string): boolean {
  const target = targetOfLabel(label);
  if (error.keyword !== target.keyword || !target.instancePath.test(error.instancePath)) return false;
  return target.missingProperty === undefined || (error.params as { missingProperty?: string }).missingProperty === target.missingProperty;
}

/**
 * What is wrong with ajv's verdict on a value labelled `label`: it must be rejected, with an error
 * naming that constraint, and with no error elsewhere (only that member is broken; a wrong type may
 * also miss the member's enum).
 */
export function problemsWithRejection(label: string, errors: readonly ErrorObject[] | null | undefined): string[] {
  if (!errors || errors.length === 0) return [`${label}: ajv accepted the value`];
  const problems: string[] = [];
  if (!errors.some((e) => errorMatchesLabel(e, label))) problems.push(`${label}: no ajv error names it`);
  const target = targetOfLabel(label);
  for (const e of errors) {
    const where = target.missingProperty === undefined ? target.instancePath.test(e.instancePath) : errorMatchesLabel(e, label);
    if (!where) problems.push(`${label}: unexpected ajv error ${e.instancePath || '(root)'} ${e.keyword} ${e.message ?? ''}`);
  }
  return problems;
}

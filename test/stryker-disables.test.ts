/**
 * The guard of the mutation score's honesty: every `Stryker disable` comment in src/ disables the next
 * line only, names the mutators it disables (never `all`), and gives a reason that starts with one of
 * the kinds of src/bench/mutation-report.ts (each naming the contract's rule that makes the mutant
 * equivalent) followed by a sentence of its own. No comment disables a file, a range or every mutator.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EQUIVALENCE_KINDS, kindOf } from '../src/bench/mutation-report.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Stryker JS's mutator names (9.x), the only names a comment may disable. */
const MUTATORS = new Set([
  'ArithmeticOperator', 'ArrayDeclaration', 'ArrowFunction', 'AssignmentOperator', 'BlockStatement', 'BooleanLiteral',
  'ConditionalExpression', 'EqualityOperator', 'LogicalOperator', 'MethodExpression', 'ObjectLiteral', 'OptionalChaining',
  'Regex', 'StringLiteral', 'UnaryOperator', 'UpdateOperator',
]);

/** The shortest own sentence after the kind: enough words to say why this mutant is equivalent. */
const MIN_WHY_WORDS = 5;

/** A Stryker directive as Stryker reads one: a comment whose text starts with "Stryker disable" or "restore". */
const DIRECTIVE = /(?:^|\s)(?:\/\/|\/\*)\s?Stryker\s+(?:disable|restore)\b/i;

/** What is wrong with the Stryker directive on `line` (followed by `next`), or undefined when it is fine. */
export function directiveProblem(line: string, next: string | undefined): string | undefined {
  const m = /(?:^|\s)\/\/\s?Stryker\s+(\w+)(\s+next-line\b)?([^:]*)(?::(.*))?$/.exec(line);
  if (!m) return DIRECTIVE.test(line) ? 'a Stryker directive must be a // line comment' : undefined;
  const [, verb, scope, mutatorList, reason] = m;
  if (verb !== 'disable') return `only "Stryker disable next-line" is allowed, not "Stryker ${verb}"`;
  if (scope === undefined) return 'disables more than the next line (a range or the rest of the file)';
  const mutators = mutatorList.split(',').map((s) => s.trim()).filter(Boolean);
  if (mutators.length === 0) return 'names no mutator';
  const unknown = mutators.filter((name) => !MUTATORS.has(name));
  if (unknown.length > 0) return `names ${unknown.join(', ')}, not a mutator${unknown.includes('all') ? ' (all mutators may not be disabled)' : ''}`;
  if (reason === undefined || reason.trim() === '') return 'gives no reason';
  if (kindOf(reason) === undefined) return `its reason starts with none of the kinds: ${Object.keys(EQUIVALENCE_KINDS).join(', ')}`;
  const why = reason.slice(reason.indexOf(':') + 1).trim();
  if (why.split(/\s+/).filter(Boolean).length < MIN_WHY_WORDS) return `its reason says why in fewer than ${MIN_WHY_WORDS} words`;
  if (next === undefined || next.trim() === '' || /^\s*\/\//.test(next)) return 'is not followed by a line of code';
  return undefined;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

/**
 * The line after the directive at `i` and any directly below it: Stryker gives every directive among a
 * node's leading comments that node's line, so stacked directives (one reason each) share the code after them.
 */
export function lineAfterDirectives(lines: readonly string[], i: number): string | undefined {
  let j = i + 1;
  while (j < lines.length && DIRECTIVE.test(lines[j])) j += 1;
  return lines[j];
}

/** Every Stryker directive in src/, with its problem (undefined when fine). */
function directives(): { where: string; problem: string | undefined }[] {
  return sourceFiles(join(ROOT, 'src')).flatMap((file) => {
    const lines = readFileSync(file, 'utf8').split('\n');
    return lines.flatMap((line, i) =>
      DIRECTIVE.test(line) ? [{ where: `${relative(ROOT, file)}:${i + 1}`, problem: directiveProblem(line, lineAfterDirectives(lines, i)) }] : [],
    );
  });
}

describe('Stryker disable comments', () => {
  it('each disables named mutators on the next line only, with a reason of a known kind', () => {
    const bad = directives().filter((d) => d.problem !== undefined).map((d) => `${d.where}: ${d.problem}`);
    expect(bad).toEqual([]);
  });

  it('accepts a comment that names its mutator and a reason of a known kind that says why', () => {
    const ok = '  // Stryker disable next-line StringLiteral: message wording: the catalogue checks that a Message is there';
    expect(directiveProblem(ok, '  return x;')).toBeUndefined();
    expect(directiveProblem('// Stryker disable next-line EqualityOperator,ConditionalExpression: memo: a miss sorts the same array again', 'x')).toBeUndefined();
  });

  it.each([
    ['// Stryker disable all', 'disables more than the next line'],
    ['// Stryker disable StringLiteral: message wording: words are not checked by the contract', 'disables more than the next line'],
    ['// Stryker disable next-line all: message wording: words are not checked by the contract', 'all mutators may not be disabled'],
    ['// Stryker disable next-line: message wording: words are not checked by the contract', 'names no mutator'],
    ['// Stryker disable next-line Strings: message wording: words are not checked by the contract', 'not a mutator'],
    ['// Stryker disable next-line StringLiteral', 'gives no reason'],
    ['// Stryker disable next-line StringLiteral:   ', 'gives no reason'],
    ['// Stryker disable next-line StringLiteral: the contract accepts either answer', 'starts with none of the kinds'],
    ['// Stryker disable next-line StringLiteral: equivalent', 'starts with none of the kinds'],
    ['// Stryker disable next-line StringLiteral: memo: not needed', 'fewer than 5 words'],
    ['// Stryker restore all', 'not "Stryker restore"'],
    ['/* Stryker disable next-line StringLiteral: message wording: words are not checked by the contract */', 'must be a // line comment'],
  ])('refuses %s', (line, problem) => {
    expect(directiveProblem(line, '  return x;')).toContain(problem);
  });

  it('reads stacked directives as disabling the one line of code below them', () => {
    const lines = ['  // Stryker disable next-line StringLiteral: message wording: a', '  // Stryker disable next-line UnaryOperator: same answer: b', '  if (x) return y;', ''];
    expect(lineAfterDirectives(lines, 0)).toBe('  if (x) return y;');
    expect(lineAfterDirectives(lines, 1)).toBe('  if (x) return y;');
    expect(lineAfterDirectives(['// Stryker disable next-line StringLiteral: memo: a', '', 'x'], 0)).toBe('');
  });

  it('refuses a comment that stands before a blank line or another comment', () => {
    const ok = '// Stryker disable next-line StringLiteral: message wording: the catalogue checks that a Message is there';
    expect(directiveProblem(ok, '')).toContain('not followed by a line of code');
    expect(directiveProblem(ok, '  // another comment')).toContain('not followed by a line of code');
  });
});

/**
 * The option table carries its parsers: values come out typed, each through its option's parser; a
 * name outside a list is one did-you-mean message; parseArgs' errors are read by their code.
 */
import { describe, expect, it } from 'vitest';
import { oneOf, parseOptions, positiveInteger, type OptionTable } from '../src/cli/args.js';

const TABLE = {
  runs: { type: 'string', description: 'runs', parse: positiveInteger },
  fault: { type: 'string', multiple: true, description: 'faults', parse: (flag, raw) => oneOf(flag, raw, ['oldest-first', 'filter-ignored'] as const) },
  seeded: { type: 'boolean', description: 'seeded' },
  name: { type: 'string', description: 'text as it is' },
} satisfies OptionTable;

const message = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
};

describe('parseOptions', () => {
  it('reads each value through its option’s parser, each one of a repeatable option', () => {
    const { values } = parseOptions('cmd', TABLE, ['--runs', '7', '--fault', 'oldest-first', '--fault', 'filter-ignored', '--seeded', '--name', 'x']);
    expect(values).toEqual({ runs: 7, fault: ['oldest-first', 'filter-ignored'], seeded: true, name: 'x' });
  });

  it('a parser’s error is the error', () => {
    expect(message(() => parseOptions('cmd', TABLE, ['--runs', 'ten']))).toBe('--runs: expected a positive integer, got "ten"');
    expect(message(() => parseOptions('cmd', TABLE, ['--fault', 'oldest-frist']))).toBe('--fault: unknown fault "oldest-frist" (did you mean oldest-first?); known: oldest-first, filter-ignored');
  });

  it('an unknown option names the nearest, also where positionals are allowed (Node then says more)', () => {
    expect(message(() => parseOptions('cmd', TABLE, ['--ruins', '3']))).toBe('cmd: unknown option --ruins (did you mean --runs?); see athena-contract cmd --help');
    expect(message(() => parseOptions('cmd', TABLE, ['--b\'ogus'], true))).toBe("cmd: unknown option --b'ogus; see athena-contract cmd --help");
  });

  it('a string option last with no value needs one; a boolean given one, or a value that looks like an option, keeps Node’s words', () => {
    expect(message(() => parseOptions('cmd', TABLE, ['--seeded', '--runs']))).toBe('cmd: --runs needs a value; see athena-contract cmd --help');
    expect(message(() => parseOptions('cmd', TABLE, ['--seeded=yes']))).toBe("cmd: Option '--seeded' does not take an argument");
    expect(message(() => parseOptions('cmd', TABLE, ['--runs', '--seeded']))).toBe("cmd: Option '--runs' argument is ambiguous.");
  });

  it('an unexpected argument is quoted whole', () => {
    expect(message(() => parseOptions('cmd', TABLE, ["it's"]))).toBe('cmd: unexpected argument "it\'s"; options start with --, see athena-contract cmd --help');
  });
});

describe('oneOf', () => {
  it('returns a known name, and names the nearest and the list for an unknown one', () => {
    expect(oneOf('only', 'b', ['a', 'b'], 'property')).toBe('b');
    expect(message(() => oneOf('only', 'ordering.oldest-first', ['ordering.newest-first', 'data.faithful'], 'property'))).toBe(
      '--only: unknown property "ordering.oldest-first" (did you mean ordering.newest-first?); known: ordering.newest-first, data.faithful',
    );
    expect(message(() => oneOf('fault', 'zzz', ['oldest-first']))).toBe('--fault: unknown fault "zzz"; known: oldest-first');
  });
});

/**
 * The survivor check of `npm run mutation` and the nightly job (src/bench/mutation-report.ts and
 * mutation-check.ts) on tiny fabricated Stryker reports: it must count, score, sort the equivalents by
 * kind, and go red on a survivor, a mutant without coverage, or a disable comment whose reason names
 * no kind; and stay green on a report where every mutant is killed or explained. In the normal suite.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { kindOf, renderMutationSummary, summarizeMutationReport, type MutationReport, type ReportMutant } from '../../src/bench/mutation-report.js';
import { tempDir } from '../helpers/temp-dir.js';

let nextId = 0;
function mutant(status: string, statusReason?: string, line = 1): ReportMutant {
  return { id: String(nextId++), mutatorName: 'StringLiteral', replacement: '""', status, statusReason, location: { start: { line, column: 3 } } };
}

const clean: MutationReport = {
  schemaVersion: '2',
  thresholds: { high: 100, low: 99 },
  files: {
    'src/model/errors.ts': { language: 'typescript', source: '', mutants: [mutant('Killed'), mutant('Killed'), mutant('Timeout'), mutant('Ignored', 'message wording: only its presence is checked')] },
    'src/model/order.ts': { language: 'typescript', source: '', mutants: [mutant('Killed'), mutant('Ignored', 'memo: a miss sorts again'), mutant('Ignored', 'Memo: the same answer')] },
  },
} as MutationReport;

const CHECK = fileURLToPath(new URL('../../src/bench/mutation-check.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

function runCheck(report: MutationReport): Promise<{ code: number; stdout: string; summary: string }> {
  const dir = tempDir('mutation-check-');
  writeFileSync(join(dir, 'report.json'), JSON.stringify(report));
  const summaryFile = join(dir, 'summary.md');
  writeFileSync(summaryFile, '');
  return new Promise((resolve) => {
    execFile(TSX, [CHECK, join(dir, 'report.json')], { env: { ...process.env, GITHUB_STEP_SUMMARY: summaryFile } }, (error, stdout) => {
      const code = error ? Number((error as { code?: unknown }).code) : 0;
      resolve({ code, stdout, summary: readFileSync(summaryFile, 'utf8') });
    });
  });
}

describe('the mutation report summary', () => {
  it('scores killed and timed-out mutants over all but the marked ones, and counts equivalents by kind', () => {
    const s = summarizeMutationReport(clean);
    expect(s).toMatchObject({ total: 7, killed: 3, timedOut: 1, survived: 0, noCoverage: 0, errors: 0, score: 100, unexplained: [] });
    expect(s.equivalent).toEqual({ 'message wording': 1, memo: 2 });
    expect(renderMutationSummary(s)).toContain('Unexplained survivors: none.');
  });

  it('lists every survivor, mutant without coverage and reason of no known kind, with where it stands', () => {
    const report: MutationReport = {
      files: {
        ...clean.files,
        'src/emulator/wire.ts': { mutants: [mutant('Survived', undefined, 12), mutant('NoCoverage', undefined, 20), mutant('Ignored', 'equivalent', 30)] },
      },
    };
    const s = summarizeMutationReport(report);
    expect(s.unexplained.map((u) => `${u.where} ${u.status}`)).toEqual(['src/emulator/wire.ts:12:3 Survived', 'src/emulator/wire.ts:20:3 NoCoverage', 'src/emulator/wire.ts:30:3 Ignored']);
    expect(s.score).toBeCloseTo((100 * 4) / 6);
    expect(s.equivalent.unexplained).toBe(1);
    expect(renderMutationSummary(s)).toContain('Unexplained survivors: 3');
  });

  it('reads the kind from the start of a reason, in any case, and nothing else', () => {
    expect(kindOf('Tie order: the tolerance list allows any order')).toBe('tie order');
    expect(kindOf('the contract accepts either answer')).toBeUndefined();
    expect(kindOf(undefined)).toBeUndefined();
    expect(kindOf('toString: not a kind')).toBeUndefined();
  });
});

describe('mutation-check (the script the nightly job runs)', () => {
  it('exits 0 on a report where every mutant is killed or explained, and writes the score to the step summary', async () => {
    const r = await runCheck(clean);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Mutation score: 100.00%');
    expect(r.summary).toContain('| memo | 2 |');
  });

  it('exits 1 and names the survivor when one mutant survived', async () => {
    const r = await runCheck({ files: { 'src/model/token.ts': { mutants: [mutant('Killed'), mutant('Survived', undefined, 41)] } } });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('src/model/token.ts:41:3 StringLiteral (Survived)');
    expect(r.summary).toContain('Mutation score: 50.00%');
  });
});

/**
 * The counts every medium's summary line says in the same words: the verdicts (inconclusive only
 * when there is one), and the calls retried and runs found flaky (only when there are some), so that
 * the console and Markdown never disagree.
 */
import type { CheckStats, Report } from '../../../common/results.js';

/** `n` and `word`, made plural when `n` is not 1. */
function counted(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The calls retried and flaky runs of every property of `report`, summed. */
export function retryTotals(report: Report): Pick<CheckStats, 'retries' | 'flaky'> {
  const sum = (k: 'retries' | 'flaky') => report.properties.reduce((n, p) => n + (p.checks[k] ?? 0), 0);
  return { retries: sum('retries'), flaky: sum('flaky') };
}

/** E.g. `12 calls retried after throttling or a 5xx, 1 flaky run`; empty when there were none. */
export function retryNote(checks: Pick<CheckStats, 'retries' | 'flaky'>): string {
  const parts = [checks.retries ? `${counted(checks.retries, 'call')} retried after throttling or a 5xx` : '', checks.flaky ? counted(checks.flaky, 'flaky run') : ''];
  return parts.filter(Boolean).join(', ');
}

/** `, 1 inconclusive` when some property is, else empty: the tail of a summary's verdict counts. */
export function inconclusiveNote(report: Report): string {
  return report.summary.inconclusive ? `, ${report.summary.inconclusive} inconclusive` : '';
}

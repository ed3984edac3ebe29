/**
 * ListExecutors with faults injected: the model's own building blocks recombined with one deviation
 * each, so that a fault changes what it names and nothing else. The fault-free emulator never comes
 * here: it answers with the model's listExecutors itself.
 */
import type { ExecutorsSummary } from '../generated/athena.js';
import {
  BAD_TOKEN_MESSAGE,
  DEFAULT_PAGE_SIZE,
  constraintViolations,
  decodePosition,
  encodePosition,
  indexAfter,
  internalServerException,
  invalidRequestException,
  orderedView,
  pageBinding,
  readRequestFields,
  resourceNotFoundException,
  signToken,
  verifyToken,
  violationsError,
  type ModelError,
  type OrderedExecutor,
} from '../model/index.js';
import type { FaultName } from './faults.js';
import type { Sessions } from './sessions.js';

/** The faults that change ListExecutors answers (the others act on the wire or on the session calls). */
export const LIST_FAULTS: ReadonlySet<FaultName> = new Set<FaultName>([
  'wrong-session-echo', 'string-timestamps', 'page-boundary-duplicate', 'page-boundary-skip', 'token-loops',
  'max-results-ignored', 'off-by-one-page', 'oldest-first', 'insertion-order', 'filter-ignored',
  'filter-merges-ended-states', 'timestamps-in-seconds', 'drops-optional-members', 'accepts-out-of-range',
  'validation-as-500', 'unknown-session-empty', 'unknown-session-404', 'bad-token-500', 'bad-token-restarts',
  'tokens-not-session-bound', 'offset-tokens', 'token-invalidated-by-insert',
]);

/** A page (whose body may deviate from the schema, which is the point of some faults) or an error. */
export type FaultyResult = { ok: true; output: Record<string, unknown> } | { ok: false; error: ModelError };

const ENDED: readonly string[] = ['TERMINATED', 'FAILED'];
/** The payload of the token-loops fault's last token: back to the first page. */
const FIRST_PAGE = 'first';

function ordering(executors: readonly ExecutorsSummary[], faults: ReadonlySet<FaultName>): readonly OrderedExecutor[] {
  const sorted = orderedView(executors);
  if (faults.has('oldest-first')) return [...sorted].reverse();
  if (faults.has('insertion-order')) {
    const byExecutor = new Map(sorted.map((e) => [e.executor, e]));
    return executors.map((e) => byExecutor.get(e) as OrderedExecutor);
  }
  return sorted;
}

function filtered(view: readonly OrderedExecutor[], filter: string | undefined, faults: ReadonlySet<FaultName>): readonly OrderedExecutor[] {
  if (filter === undefined || faults.has('filter-ignored')) return view;
  const merge = faults.has('filter-merges-ended-states') && ENDED.includes(filter);
  return view.filter((e) => (merge ? ENDED.includes(String(e.executor.ExecutorState)) : e.executor.ExecutorState === filter));
}

function reshape(executor: ExecutorsSummary, faults: ReadonlySet<FaultName>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...executor };
  for (const member of ['StartDateTime', 'TerminationDateTime'] as const) {
    const value = executor[member];
    if (value === undefined) continue;
    const shown = faults.has('timestamps-in-seconds') ? Math.floor(value / 1000) : value;
    out[member] = faults.has('string-timestamps') ? String(shown) : shown;
  }
  if (faults.has('drops-optional-members')) {
    delete out.ExecutorSize;
    delete out.TerminationDateTime;
  }
  return out;
}

/** ListExecutors over the emulator's sessions with `faults` in effect. */
export function listExecutorsWithFaults(sessions: Sessions, input: unknown, faults: ReadonlySet<FaultName>, tokenKey: string): FaultyResult {
  const read = readRequestFields(input);
  if (!read.ok) return read;
  let fields = read.fields;
  let violations = constraintViolations(fields);
  if (faults.has('accepts-out-of-range')) {
    violations = violations.filter((v) => v.member !== 'MaxResults' && !(v.member === 'SessionId' && fields.SessionId));
    if (fields.MaxResults !== undefined) fields = { ...fields, MaxResults: Math.min(100, Math.max(1, fields.MaxResults)) };
  }
  if (violations.length > 0) {
    const error = violationsError(violations);
    return { ok: false, error: faults.has('validation-as-500') ? internalServerException(String(error.body.Message)) : error };
  }
  const sessionId = fields.SessionId as string;
  const filter = fields.ExecutorStateFilter;
  const executors = sessions.store.get(sessionId);
  if (!executors) {
    if (faults.has('unknown-session-empty')) return { ok: true, output: { SessionId: sessionId, ExecutorsSummary: [] } };
    const error = resourceNotFoundException(sessionId);
    return { ok: false, error: faults.has('unknown-session-404') ? { ...error, status: 404 } : error };
  }

  const reordered = faults.has('oldest-first') || faults.has('insertion-order');
  const view = filtered(ordering(executors, faults), filter, faults);
  const offsets = faults.has('offset-tokens');
  const binding = [
    pageBinding(faults.has('tokens-not-session-bound') ? '' : sessionId, filter),
    faults.has('token-invalidated-by-insert') ? `#${sessions.generation(sessionId)}` : '',
  ].join('');

  let from = 0;
  if (fields.NextToken) {
    const payload = verifyToken(tokenKey, binding, fields.NextToken);
    const at = payload === undefined ? -1 : startOf(payload, view, offsets, reordered);
    if (at < 0) {
      if (faults.has('bad-token-500')) return { ok: false, error: internalServerException('Unexpected error reading NextToken') };
      if (!faults.has('bad-token-restarts')) return { ok: false, error: invalidRequestException(BAD_TOKEN_MESSAGE) };
    } else {
      from = at;
      if (at > 0 && faults.has('page-boundary-duplicate')) from = at - 1;
      if (faults.has('page-boundary-skip')) from = at + 1;
    }
  }
  const size = faults.has('max-results-ignored')
    ? view.length
    : (fields.MaxResults ?? DEFAULT_PAGE_SIZE) + (faults.has('off-by-one-page') ? 1 : 0);
  const page = view.slice(from, from + size);
  const output: Record<string, unknown> = {
    SessionId: faults.has('wrong-session-echo') ? `${sessionId}-echo` : sessionId,
    ExecutorsSummary: page.map((e) => reshape(e.executor, faults)),
  };
  if (from + size < view.length) {
    output.NextToken = signToken(tokenKey, binding, offsets ? `o1:${from + size}` : encodePosition(page[page.length - 1]));
  } else if (faults.has('token-loops') && view.length > 0) {
    output.NextToken = signToken(tokenKey, binding, FIRST_PAGE);
  }
  return { ok: true, output };
}

/** Where a verified token's page starts, with the page-boundary faults applied; -1 when unusable. */
function startOf(payload: string, view: readonly OrderedExecutor[], offsets: boolean, reordered: boolean): number {
  if (payload === FIRST_PAGE) return 0;
  if (offsets) {
    const m = /^o1:(\d+)$/.exec(payload);
    return m ? Number(m[1]) : -1;
  }
  const position = decodePosition(payload);
  if (!position) return -1;
  if (!reordered) return indexAfter(view, position);
  const at = view.findIndex((e) => e.digest === position.digest && e.start === position.start);
  return at < 0 ? -1 : at + 1;
}

/**
 * Records one ListExecutors call: its answer, the request constraints it broke (judged from the
 * request itself), the kind of token it carried, the MaxResults of a listing it started, and the
 * token its answer issued.
 */
import type { MaxResultsBucket } from '../../common/results.js';
import { isObject } from '../../schema/json.js';
import { answerKey, succeeded, type AnswerSeen } from './answer.js';
import { brokenConstraints, requestValue } from './broken.js';
import type { CoverageCollector } from './collector.js';
import { countAnswer, emptyTally } from './empty.js';
import { rememberToken, tokenKind } from './tokens.js';

/** One call as coverage sees it: the request as the harness meant it (an object or `{ raw }`) and the answer. */
export interface CallSeen extends AnswerSeen {
  input: unknown;
}

/** The bucket of a listing's MaxResults. */
function bucketOf(maxResults: unknown): MaxResultsBucket {
  return maxResults === undefined || maxResults === null ? 'absent' : maxResults === 1 ? '1' : maxResults === 100 ? '100' : 'other';
}

/** Adds `call` to `collector` (nothing when there is none: a context built without coverage). */
export function recordCall(collector: CoverageCollector | undefined, call: CallSeen): void {
  if (!collector) return;
  const { data } = collector;
  const key = answerKey(call);
  data.answers[key] = (data.answers[key] ?? 0) + 1;
  const value = requestValue(call.input);
  const broken = brokenConstraints(value);
  for (const b of broken) countAnswer((data.constraints[b] ??= emptyTally()), key);
  const request = isObject(value) ? value : {};
  if (typeof request.NextToken === 'string') countAnswer(data.tokens[tokenKind(collector.issued, request.NextToken, request.SessionId, request.ExecutorStateFilter)], key);
  else if (broken.length === 0) data.maxResults[bucketOf(request.MaxResults)]++;
  const issued = succeeded(key) && isObject(call.json) ? call.json.NextToken : undefined;
  if (typeof issued === 'string' && issued !== '') {
    data.tokensIssued++;
    const filter = request.ExecutorStateFilter;
    rememberToken(collector.issued, issued, { sessionId: String(request.SessionId), ...(typeof filter === 'string' ? { filter } : {}) });
  }
}

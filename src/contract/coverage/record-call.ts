/**
 * Records one list call: its answer, the request constraints it broke (judged from the request
 * itself), the kind of token it carried, the page size of a listing it started, and the token its
 * answer issued. The collector's profile names the members read.
 */
import type { MaxResultsBucket } from '../../common/results.js';
import type { OperationProfile } from '../../profiles/index.js';
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

/** The bucket of a listing's page size: the smallest and the largest the profile allows (`1` and `100`, ListExecutors' bounds, whatever the operation's), absent, or another. */
function bucketOf(profile: OperationProfile, pageSize: unknown): MaxResultsBucket {
  const { min, max } = profile.pageBounds;
  return pageSize === undefined || pageSize === null ? 'absent' : pageSize === min ? '1' : pageSize === max ? '100' : 'other';
}

/** Adds `call` to `collector` (nothing when there is none: a context built without coverage). */
export function recordCall(collector: CoverageCollector | undefined, call: CallSeen): void {
  if (!collector) return;
  const { data, profile } = collector;
  const key = answerKey(call);
  data.answers[key] = (data.answers[key] ?? 0) + 1;
  const value = requestValue(call.input);
  const broken = brokenConstraints(value, profile);
  for (const b of broken) countAnswer((data.constraints[b] ??= emptyTally()), key);
  const request = isObject(value) ? value : {};
  const parent = request[profile.parent.member];
  const filter = request[profile.filter.member];
  const token = request[profile.token];
  if (typeof token === 'string') countAnswer(data.tokens[tokenKind(collector.issued, token, parent, filter)], key);
  else if (broken.length === 0) data.maxResults[bucketOf(profile, request[profile.pageSize])]++;
  const issued = succeeded(key) && isObject(call.json) ? call.json[profile.token] : undefined;
  if (typeof issued === 'string' && issued !== '') {
    data.tokensIssued++;
    rememberToken(collector.issued, issued, { parent: String(parent), ...(typeof filter === 'string' ? { filter } : {}) });
  }
}

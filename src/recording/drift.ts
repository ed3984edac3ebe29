/**
 * Drift between two recordings at the contract level: which members the answers have and of which
 * JSON types, which enum values appear, which statuses and error codes each property met, and how
 * paging behaves. Values that differ by nature (ids, times, tokens, request ids) are never compared.
 */
import { parseJson } from '../schema/json.js';
import { errorCode } from '../wire/error-code.js';
import type { Recording } from './cassette.js';

/** Members whose values are enums: their values are contract, not data. */
const ENUM_MEMBERS = new Set(['ExecutorState', 'ExecutorType', 'ExecutorStateFilter', 'AthenaErrorCode', 'ErrorCode', 'State']);

/** What a recording shows of the contract. */
export interface ContractFacts {
  properties: Set<string>;
  /** `ListExecutors 200` or `ListExecutors 400 InvalidRequestException` → member path → JSON types seen. */
  members: Map<string, Map<string, Set<string>>>;
  /** `ListExecutors ExecutorsSummary[].ExecutorState` → values seen. */
  enums: Map<string, Set<string>>;
  /** Property → the answers it met: `200`, `400 InvalidRequestException`, `no answer`. */
  outcomes: Map<string, Set<string>>;
  /** The largest full page answered to a request without MaxResults (null: never observed). */
  defaultPageSize: number | null;
  /** Whether a NextToken ever led to an empty page. */
  trailingEmptyPages: boolean;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : typeof value;
}

/** The error code of a body as the SDK reads it: `__type` without namespace or `:` suffix. */
function codeOf(body: unknown): string | undefined {
  const type = (body as { __type?: unknown; code?: unknown } | undefined)?.__type ?? (body as { code?: unknown } | undefined)?.code;
  return typeof type === 'string' ? errorCode(type) : undefined;
}

function add<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key) ?? new Set<V>();
  set.add(value);
  map.set(key, set);
}

function collectMembers(value: unknown, path: string, members: Map<string, Set<string>>, enums: (path: string, v: string) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) collectMembers(item, `${path}[]`, members, enums);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [name, v] of Object.entries(value)) {
    const at = path ? `${path}.${name}` : name;
    add(members, at, jsonType(v));
    if (ENUM_MEMBERS.has(name) && typeof v === 'string') enums(at, v);
    collectMembers(v, at, members, enums);
  }
}

/** Reads the contract facts of a recording (the AWS calls only: seeding routes are the harness's own). */
export function contractFacts(recording: Recording): ContractFacts {
  const facts: ContractFacts = { properties: new Set(), members: new Map(), enums: new Map(), outcomes: new Map(), defaultPageSize: null, trailingEmptyPages: false };
  for (const cassette of recording.cassettes) {
    const property = cassette.header.property;
    facts.properties.add(property);
    facts.outcomes.set(property, facts.outcomes.get(property) ?? new Set());
    for (const { request, response } of cassette.exchanges) {
      const target = request.headers['x-amz-target'];
      if (request.method !== 'POST' || !target) continue;
      const op = target.split('.').pop() ?? target;
      if (!response) {
        add(facts.outcomes, property, 'no answer');
        continue;
      }
      const body = parseJson(response.body);
      const code = response.status >= 300 ? codeOf(body) ?? '(no error code)' : undefined;
      add(facts.outcomes, property, code ? `${response.status} ${code}` : String(response.status));
      const answer = code ? `${op} ${response.status} ${code}` : `${op} ${response.status}`;
      const members = facts.members.get(answer) ?? new Map<string, Set<string>>();
      facts.members.set(answer, members);
      if (body === undefined) add(members, '(body)', response.body === '' ? 'empty' : 'not JSON');
      collectMembers(body, '', members, (path, v) => add(facts.enums, `${op} ${path}`, v));
      if (op !== 'ListExecutors' || response.status !== 200 || typeof body !== 'object' || body === null) continue;
      const sent = parseJson(request.body) as { MaxResults?: unknown; NextToken?: unknown } | undefined;
      const listed = (body as { ExecutorsSummary?: unknown }).ExecutorsSummary;
      const count = Array.isArray(listed) ? listed.length : 0;
      const token = (body as { NextToken?: unknown }).NextToken;
      if (sent?.MaxResults === undefined && typeof token === 'string' && token !== '') facts.defaultPageSize = Math.max(facts.defaultPageSize ?? 0, count);
      if (typeof sent?.NextToken === 'string' && sent.NextToken !== '' && count === 0) facts.trailingEmptyPages = true;
    }
  }
  return facts;
}

const list = (s: Set<string> | undefined) => [...(s ?? [])].sort().join(', ') || '(none)';

/**
 * The drift from `old` to `next`, one line each (empty: no drift). Members are compared for answers
 * both recordings have; enum values that appear only in `next` are drift, values it did not happen to
 * meet are not (which values a run meets depends on the data).
 */
export function drift(old: ContractFacts, next: ContractFacts): string[] {
  const lines: string[] = [];
  for (const p of old.properties) if (!next.properties.has(p)) lines.push(`property ${p}: recorded only in OLD`);
  for (const p of next.properties) if (!old.properties.has(p)) lines.push(`property ${p}: recorded only in NEW`);
  for (const [answer, members] of old.members) {
    const now = next.members.get(answer);
    if (!now) continue;
    for (const [path, types] of members) {
      const t = now.get(path);
      if (!t) lines.push(`member gone: ${answer} ${path} (was ${list(types)})`);
      else if (list(t) !== list(types)) lines.push(`member type changed: ${answer} ${path}: ${list(types)} → ${list(t)}`);
    }
    for (const [path, types] of now) if (!members.has(path)) lines.push(`member new: ${answer} ${path} (${list(types)})`);
  }
  for (const [path, values] of next.enums) {
    const before = old.enums.get(path);
    const added = [...values].filter((v) => !before?.has(v)).sort();
    if (added.length) lines.push(`enum value new: ${path}: ${added.join(', ')} (OLD had ${list(before)})`);
  }
  for (const [property, outcomes] of old.outcomes) {
    const now = next.outcomes.get(property);
    if (now && list(now) !== list(outcomes)) lines.push(`answers changed: ${property}: ${list(outcomes)} → ${list(now)}`);
  }
  if (old.defaultPageSize !== null && next.defaultPageSize !== null && old.defaultPageSize !== next.defaultPageSize)
    lines.push(`default page size changed: ${old.defaultPageSize} → ${next.defaultPageSize}`);
  if (old.trailingEmptyPages !== next.trailingEmptyPages)
    lines.push(`trailing empty pages: ${old.trailingEmptyPages ? 'seen' : 'never seen'} → ${next.trailingEmptyPages ? 'seen' : 'never seen'}`);
  return lines;
}

/**
 * Drift between two recordings at the contract level: what the contract or the schema would call a
 * change, apart from what differs with the data. Drift: a member or an enum value the schema does not
 * have, met in NEW only; a required member gone; a JSON type that changed; other answers to the same
 * probe (an error code, a status, token binding); a default page size that conflicts; walks that now
 * end otherwise on a full page. Information: members and enum values the schema allows met in one
 * recording only, probes, properties and answers only one recording has, and transient answers. Each
 * operation's cassette set is compared with the other recording's set of the same operation; the lines
 * of an operation other than ListExecutors start with its name.
 */
import type { OperationProfile } from '../profiles/index.js';
import type { ContractFacts } from './contract-facts.js';
import { memberReading } from './contract-schema.js';

/** The comparison: `drift` makes `diff` exit 1, `info` is printed and never does. */
export interface DriftReport {
  drift: string[];
  info: string[];
}

const list = (s: Iterable<unknown> | undefined) => [...(s ?? [])].map(String).sort().join(', ') || '(none)';

/** Which side only: `only in OLD` or `only in NEW` lines for the keys of one map missing from the other. */
function onlyIn<K>(what: string, old: Iterable<K>, next: Iterable<K>, show: (k: K) => string = String): string[] {
  const a = new Set(old);
  const b = new Set(next);
  return [...[...a].filter((k) => !b.has(k)).map((k) => `${what} only in OLD: ${show(k)}`), ...[...b].filter((k) => !a.has(k)).map((k) => `${what} only in NEW: ${show(k)}`)];
}

function parentOf(path: string): string {
  const dot = path.lastIndexOf('.');
  if (path.endsWith('[]')) return path.slice(0, -2);
  return dot < 0 ? '' : path.slice(0, dot);
}

/** One kind of answer that both recordings have, member by member. */
function compareMembers(report: DriftReport, answer: string, old: Map<string, Set<string>>, now: Map<string, Set<string>>, facts: ContractFacts): void {
  const schema = facts.schemas.get(answer);
  const allowed = schema ? ' (the schema allows it)' : ' (no schema models this answer)';
  for (const path of new Set([...old.keys(), ...now.keys()])) {
    const [before, after] = [old.get(path), now.get(path)];
    const reading = schema ? memberReading(schema, path, facts.profile) : undefined;
    if (before && after) {
      if (list(before) !== list(after)) report.drift.push(`member type changed: ${answer} ${path}: ${list(before)} → ${list(after)}`);
    } else if (after) {
      if (path === '(body)') report.drift.push(`answer body ${list(after)}: ${answer}, only in NEW`);
      else if (reading && !reading.known) report.drift.push(`member the schema does not have: ${answer} ${path} (${list(after)}), only in NEW`);
      else report.info.push(`member only in NEW: ${answer} ${path} (${list(after)})${allowed}`);
    } else {
      const parentSeen = parentOf(path) === '' || now.has(parentOf(path));
      if (reading?.known && reading.required && parentSeen) report.drift.push(`required member gone: ${answer} ${path} (was ${list(before)})`);
      else report.info.push(`member only in OLD: ${answer} ${path} (${list(before)})${reading?.known === false ? ' (the schema does not have it)' : allowed}`);
    }
  }
}

function compareEnums(report: DriftReport, old: ContractFacts, next: ContractFacts): void {
  for (const key of new Set([...old.enums.keys(), ...next.enums.keys()])) {
    const [before, after] = [old.enums.get(key), next.enums.get(key)];
    const allowed = new Set((before ?? after)?.allowed ?? []);
    const added = [...(after?.values ?? [])].filter((v) => !before?.values.has(v)).sort();
    const gone = [...(before?.values ?? [])].filter((v) => !after?.values.has(v)).sort();
    const outside = added.filter((v) => !allowed.has(v));
    if (outside.length) report.drift.push(`enum value the schema does not have: ${key}: ${outside.join(', ')} (OLD had ${list(before?.values)})`);
    const inside = added.filter((v) => allowed.has(v));
    if (inside.length) report.info.push(`enum value only in NEW: ${key}: ${inside.join(', ')} (the schema allows it)`);
    if (gone.length) report.info.push(`enum value only in OLD: ${key}: ${gone.join(', ')}`);
  }
}

function compareProbes(report: DriftReport, old: ContractFacts, next: ContractFacts): void {
  for (const [probe, before] of old.probes) {
    const after = next.probes.get(probe);
    if (!after || list(before) === list(after)) continue;
    // Other operations are the harness's session calls, whose answers follow the session's state: not a probe.
    if (probe.startsWith(old.profile.operation)) report.drift.push(`answers changed for the same probe: ${probe}: ${list(before)} → ${list(after)}`);
    else report.info.push(`answers of ${probe} (a session call, not compared): ${list(before)} → ${list(after)}`);
  }
  report.info.push(...onlyIn('probe', old.probes.keys(), next.probes.keys(), (p) => `${p} (${list(old.probes.get(p) ?? next.probes.get(p))})`));
  for (const [which, facts] of [['OLD', old], ['NEW', next]] as const) {
    for (const [kind, n] of facts.transient) report.info.push(`transient answer in ${which}, not compared: ${kind} (${n}×)`);
  }
}

/** The default page size as a recording shows it, in words. */
function pageSizeOf(p: ContractFacts['pageSize'], profile: OperationProfile): string {
  if (p.full !== undefined) return String(p.full);
  return p.largest !== undefined ? `at least ${p.largest} (no page without ${profile.pageSize} was followed by a ${profile.token})` : 'not seen';
}

/** The default page size: a conflict only where one recording shows it and the other contradicts it. */
function comparePageSize(report: DriftReport, old: ContractFacts['pageSize'], next: ContractFacts['pageSize'], profile: OperationProfile): void {
  const conflict =
    (old.full !== undefined && next.full !== undefined && old.full !== next.full) ||
    (old.full !== undefined && (next.largest ?? 0) > old.full) ||
    (next.full !== undefined && (old.largest ?? 0) > next.full);
  const change = `${pageSizeOf(old, profile)} → ${pageSizeOf(next, profile)}`;
  if (conflict) report.drift.push(`default page size changed: ${change}`);
  else if ((old.full ?? next.full) !== undefined && old.full !== next.full) report.info.push(`default page size: ${change}`);
}

/** How walks end on a full page: drift when NEW shows an ending OLD never did, where OLD showed one. */
function compareWalkEnds(report: DriftReport, old: ContractFacts, next: ContractFacts): void {
  for (const [walks, after] of next.walkEnds) {
    const before = old.walkEnds.get(walks);
    if (!before) continue;
    const added = [...after].filter((e) => !before.has(e));
    if (added.length) report.drift.push(`${walks} walks end otherwise: ${list(before)} → ${list(after)}`);
  }
}

/** The drift and the information from `old` to `next`, each operation's facts beside the other's. */
export function drift(old: ContractFacts, next: ContractFacts): DriftReport {
  const report = driftOf(old, next);
  const [before, after] = [old.others ?? new Map<string, ContractFacts>(), next.others ?? new Map<string, ContractFacts>()];
  for (const operation of new Set([...before.keys(), ...after.keys()])) {
    const [a, b] = [before.get(operation), after.get(operation)];
    if (!a || !b) {
      report.info.push(`operation only in ${a ? 'OLD' : 'NEW'}: ${operation} (${(a ?? b)?.properties.size ?? 0} cassettes)`);
      continue;
    }
    const own = driftOf(a, b);
    report.drift.push(...own.drift.map((line) => `${operation}: ${line}`));
    report.info.push(...own.info.map((line) => `${operation}: ${line}`));
  }
  return report;
}

/** The drift and the information between two recordings' facts of one operation. */
function driftOf(old: ContractFacts, next: ContractFacts): DriftReport {
  const report: DriftReport = { drift: [], info: [] };
  report.info.push(...onlyIn('property', old.properties, next.properties));
  for (const [answer, members] of old.members) {
    const now = next.members.get(answer);
    if (now) compareMembers(report, answer, members, now, old);
  }
  report.info.push(...onlyIn('answer', old.members.keys(), next.members.keys()));
  compareEnums(report, old, next);
  compareProbes(report, old, next);
  comparePageSize(report, old.pageSize, next.pageSize, old.profile);
  compareWalkEnds(report, old, next);
  return report;
}

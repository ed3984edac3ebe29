/**
 * Coverage: what a property's runs, and a whole run, exercised, counted at the one place every call
 * goes through and the one every walk does, whatever made the requests; merged across properties
 * and shards; and the warnings it earns (the `moving` note among them).
 */
export { coverageFor, createCoverage, foldCoverage, runCoverage, takeCoverage, type CoverageCollector } from './collector.js';
export { emptyCoverage, TOKEN_KINDS } from './empty.js';
export { mergeCoverage } from './merge-coverage.js';
export { recordCall, type CallSeen } from './record-call.js';
export { recordWalk, type WalkSeen } from './record-walk.js';
export { recordSampled } from './record-sampled.js';
export { recordSweep, type SweptCase } from './record-sweep.js';
export { noteSeeding, seededDuring } from './record-seeding.js';
export { brokenConstraints } from './broken.js';
export { schemaFactsOf, type SchemaFacts } from './schema-facts.js';
export { lawCoverage, type LawCoverage, type LawNeeds, type PageNeed } from './laws.js';
export { callsOf, otherReasonWarnings, passCoverageWarnings, type CoveredLaw } from './untested.js';
export { coverageItems, coverageLine, type CoverageItem, type ItemStatus } from './items.js';
export { movingOf, movingWarnings } from './moving.js';

/**
 * The scaffold every property is built on: parent ("session") scenarios of either mode (seeded and
 * dropped, or read as given), parents drawn per mode, walk scenarios, the seeding routes, item-id sets,
 * the confirm-twice rule and the brackets of walks compared across time, for parents the harness does
 * not control.
 */
export { seedingOf, pageBound, withSeededSession, type SeededSession } from './seeding.js';
export { sessionScenario, seededOnly, inSession, perMode, type SessionScenario, type SessionDraws, type ObservedSession, type ModeChecks } from './session-scenario.js';
export { sessionDraw, withSessions, type SessionDraw, type PickedSession, type OpenSession } from './session-draw.js';
export { walkScenario, withSample, forEachWalk, walkBoundary, sweepBoundary, seededWalkOf, seededRequest, type WalkScenario, type SampledWalkDraw } from './walk-scenario.js';
export { idDifference, type IdDifference } from './ids.js';
export { confirmTwice, type Confirmed } from './confirm-twice.js';
export { bracketDifference, bracketed, snapshotOf, stillBetween, type Admits, type Bracketed, type BracketWalks, type Sighting, type Snapshot } from './bracket.js';
export { mustList, type Listing } from './listing.js';

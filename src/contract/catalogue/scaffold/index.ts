/**
 * The scaffold every property is built on: session scenarios of either mode (seeded and dropped, or
 * read as given), sessions drawn per mode, walk scenarios, the seeding routes, ExecutorId sets and the
 * confirm-twice rule for sessions the harness does not control.
 */
export { seedingOf, pageBound, withSeededSession, type SeededSession } from './seeding.js';
export { sessionScenario, seededOnly, inSession, perMode, type SessionScenario, type SessionDraws, type ObservedSession, type ModeChecks } from './session-scenario.js';
export { sessionDraw, withSessions, type SessionDraw, type PickedSession, type OpenSession } from './session-draw.js';
export { walkScenario, forEachWalk, walkBoundary, seededWalkOf, type WalkScenario } from './walk-scenario.js';
export { idOf, idDifference, type IdDifference } from './ids.js';
export { confirmTwice, type Confirmed } from './confirm-twice.js';

/**
 * The contract as vitest tests, one per property: against the built-in emulator (what the
 * application team's mocks answer with), against an endpoint that serves the seeding routes (what an
 * emulator author runs against their own server; here the package's HTTP emulator), and against
 * sessions the harness only reads (observational: the properties that need seeding are skipped).
 */
import { startEmulator } from 'athena-executors-contract';
import { contractSuite } from 'athena-executors-contract/vitest';
import { afterAll } from 'vitest';
import { executors } from './executors.js';

contractSuite({ name: 'built-in emulator', runs: 20 });

const emulator = await startEmulator({ sessions: { 'session-1': executors } });
afterAll(() => emulator.close());
contractSuite({ name: 'HTTP endpoint, seeded', endpoint: emulator.url, seeded: true, runs: 10 });
contractSuite({ name: 'HTTP endpoint, observed session', endpoint: emulator.url, sessionIds: ['session-1'], runs: 10 });

/**
 * The contract as vitest tests, one per property: against the built-in emulator (what the
 * application team's mocks answer with), and against an endpoint that serves the seeding routes
 * (what an emulator author runs against their own server; here the package's HTTP emulator).
 */
import { startEmulator } from 'athena-executors-contract';
import { contractSuite } from 'athena-executors-contract/vitest';
import { afterAll } from 'vitest';

contractSuite({ name: 'built-in emulator', runs: 20 });

const emulator = await startEmulator();
afterAll(() => emulator.close());
contractSuite({ name: 'HTTP endpoint, seeded', endpoint: emulator.url, seeded: true, runs: 10 });

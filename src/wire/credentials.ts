/**
 * The static credentials every emulator-facing client signs with: emulators do not verify SigV4
 * signatures, but the SDK insists on signing, and a missing credential chain would end the run.
 */

/** Dummy static credentials for the built-in emulator, recordings and endpoints without real credentials. */
export const DUMMY_CREDENTIALS = { accessKeyId: 'AKIDEMULATOR', secretAccessKey: 'emulator-secret' } as const;

/**
 * The package's own folder, the one that holds package.json, schemas/ and dist/: found from this
 * module's URL, two folders down in a checkout (src/schema/) and in the ESM build (dist/schema/).
 * The CommonJS build, which has no import.meta, compiles package-dir.cjs.ts in its place.
 */
import { fileURLToPath } from 'node:url';

/** Absolute path of the package's folder, with a trailing separator. */
export const packageDir: string = fileURLToPath(new URL('../../', import.meta.url));

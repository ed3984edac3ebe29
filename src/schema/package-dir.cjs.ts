/**
 * The CommonJS build's package-dir.ts (tsconfig.cjs.json resolves `./package-dir.js` here first):
 * the same folder found from `__dirname`, three folders down (dist/cjs/schema/).
 */
import { join } from 'node:path';

/** Absolute path of the package's folder, with a trailing separator. */
export const packageDir: string = join(__dirname, '..', '..', '..', '/');

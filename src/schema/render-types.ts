/**
 * Renders the TypeScript types of every schema into one module, so that `$ref`s between schemas
 * become references to one declaration instead of copies.
 */
import { compile } from 'json-schema-to-typescript';
import { schemaFiles, loadSchema, schemasDir } from './load.js';

const HEADER = `/**
 * GENERATED from schemas/*.schema.json by \`npm run generate\` (json-schema-to-typescript).
 * Do not edit by hand: change the schemas and regenerate. test/generated.test.ts fails when stale.
 */
`;

/** The full text of src/generated/athena.ts for the schemas on disk now. */
export async function renderGeneratedTypes(): Promise<string> {
  const parts: string[] = [];
  for (const file of schemaFiles) {
    const schema = loadSchema(file);
    const ts = await compile(structuredClone(schema) as never, String(schema.title), {
      bannerComment: '',
      cwd: schemasDir,
      declareExternallyReferenced: false,
      // The schemas allow unknown members (AWS adds them); the types stay exact.
      additionalProperties: false,
      format: true,
      // List lengths (0..100) are checked by the validators; as tuple types they would be 101 declarations.
      ignoreMinAndMaxItems: true,
      strictIndexSignatures: true,
      unreachableDefinitions: false,
    });
    parts.push(`// from schemas/${file}\n${ts.trim()}\n`);
  }
  return `${HEADER}\n${parts.join('\n')}`;
}

/** Types of source-digest.js (plain JavaScript: the bin and the build script load it without tsx). */
/** Where the build writes the digest of the sources it compiled, relative to the package root. */
export declare const DIGEST_FILE: string;
/** The digest of the sources as they are now (file names and contents, in a fixed order). */
export declare function sourceDigest(): string;
/** Whether dist/ was built from the sources as they are now (false when either is missing). */
export declare function builtFromSources(): boolean;

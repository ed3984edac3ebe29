/**
 * The layers of src/, bottom first, as dependency-cruiser rules: a module may import its own folder
 * and the layers below it, never a layer above, and never a sibling of its layer (contract, recording
 * and live each stand alone). `npm run lint:layers` (part of `npm test`) fails on any such import or
 * on an import cycle, naming both files. README "Development" draws the same picture.
 */

/** Each entry is one layer; folders in one layer are siblings that must not import each other. */
export const LAYERS = [
  ['src/generated'],
  ['src/schema'],
  ['src/profiles'],
  ['src/model', 'src/arbitraries'],
  ['src/wire'],
  ['src/common'],
  ['src/emulator'],
  ['src/targets'],
  ['src/contract', 'src/recording', 'src/live'],
  ['src/app'],
  ['src/index.ts', 'src/vitest.ts', 'src/client-mock.ts'],
  ['src/cli', 'src/bench'],
  ['src/cli.ts'],
];

const escape = (p) => p.replace(/[.]/g, '\\.');
const pathOf = (p) => (p.endsWith('.ts') ? `^${escape(p)}$` : `^${escape(p)}/`);
const anyOf = (paths) => `(${paths.map(pathOf).join('|')})`;

function layerRules() {
  const rules = [];
  LAYERS.forEach((layer, rank) => {
    const above = LAYERS.slice(rank + 1).flat();
    for (const folder of layer) {
      const siblings = layer.filter((f) => f !== folder);
      const forbidden = [...above, ...siblings];
      if (!forbidden.length) continue;
      rules.push({
        name: `layer:${folder.replace(/^src\//, '')}`,
        comment: `${folder} may import only its own folder and the layers below it (see README, Development)`,
        severity: 'error',
        from: { path: pathOf(folder) },
        to: { path: anyOf(forbidden) },
      });
    }
  });
  return rules;
}

/**
 * The rooms of src/contract/: the catalogue (what a law is, and the laws) reads neither the engine
 * (running them) nor the report (telling the result); the engine does not read the report; coverage
 * (what a run exercised) reads none of the three; and no room reads the root module that joins them.
 */
export const CONTRACT_ROOMS = [
  { room: 'catalogue', forbidden: ['engine', 'report'] },
  { room: 'engine', forbidden: ['report'] },
  { room: 'coverage', forbidden: ['catalogue', 'engine', 'report'] },
];

function roomRules() {
  const rooms = CONTRACT_ROOMS.map(({ room, forbidden }) => ({
    name: `room:contract/${room}`,
    comment: `src/contract/${room} may not import src/contract/{${forbidden.join(',')}} (see README, Development)`,
    severity: 'error',
    from: { path: `^src/contract/${room}/` },
    to: { path: `^src/contract/(${forbidden.join('|')})/` },
  }));
  const root = {
    name: 'room:contract/root',
    comment: 'the rooms of src/contract may not import the modules at its root, which join them',
    severity: 'error',
    from: { path: '^src/contract/[^/]+/' },
    to: { path: '^src/contract/[^/]+$' },
  };
  return [...rooms, root];
}

export default {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'an import cycle: the two modules belong in one file, or the shared part in a lower layer',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...layerRules(),
    ...roomRules(),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/generated/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs'] },
  },
};

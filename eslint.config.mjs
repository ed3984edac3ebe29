/**
 * Lint rules that the type checker does not enforce: no function over 50 lines in src/ (generated
 * files and the bench excepted), and no `any`. Run by `npm run lint`, part of `npm test`.
 */
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['src/generated/**', 'src/bench/**', 'dist/**', 'node_modules/**'] },
  {
    files: ['src/**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'max-lines-per-function': ['error', { max: 50, skipBlankLines: false, skipComments: false, IIFEs: true }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
);

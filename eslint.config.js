// ESLint: TypeScript, React hooks, and the layer boundaries of shared/spec/design.md
// (catalog → model → engine → cli / worker → ui; hosts reach the engine only through src/engine/index.ts).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** `no-restricted-imports` patterns that keep a layer from importing what sits above it. */
const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});
const engineDeep = {
  group: ['**/engine/*', '**/engine/**', '!**/engine/index', '!**/engine/index.ts'],
  message: 'Hosts reach the engine only through its front door, src/engine/index.ts.',
};
const ui = { group: ['**/ui/**', 'react', 'react-dom', '@xyflow/*'], message: 'No UI below the ui layer.' };

export default tseslint.config(
  { ignores: ['dist/**', 'dist-cli/**', 'node_modules/**', 'e2e/screenshots/**', 'public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  layer(
    ['src/catalog/**'],
    [
      {
        group: ['**/model/**', '**/engine/**', '**/worker/**', '**/cli/**'],
        message: 'The catalog imports nothing but itself.',
      },
      ui,
    ],
  ),
  layer(
    ['src/model/**'],
    [{ group: ['**/engine/**', '**/worker/**', '**/cli/**'], message: 'The model sits below the engine.' }, ui],
  ),
  layer(['src/engine/**'], [{ group: ['**/worker/**', '**/cli/**'], message: 'The engine is pure.' }, ui]),
  layer(['src/worker/**', 'src/cli/**'], [engineDeep, ui]),
  layer(['src/ui/**'], [engineDeep, { group: ['**/cli/**'], message: 'The page does not import the runner.' }]),
);

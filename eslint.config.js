// ESLint: TypeScript, React hooks, and the layer boundaries of shared/spec/design.md
// (catalog → model → engine / cfn → cli / worker → ui; hosts reach the engine only through src/engine/index.ts)
// each src/ folder's README names what it may import, and test/lint.test.ts checks that these rules enforce it.
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
/** src/security is read by vite.config.ts (and its test) only. (`engine/modules/security` is not it.) */
const security = {
  group: ['**/security/headers', '**/security/headers.ts'],
  message: 'The security headers are read by vite.config.ts only.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'dist-cli/**', 'node_modules/**', 'e2e/screenshots/**', 'public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Prettier's width (.prettierrc.json) where Prettier cannot break a line: comments, long expressions and strings
      // (scripts/wrap-long-strings.ts splits a long literal into pieces joined by +). Only URLs and regexps are exempt.
      'max-len': [
        'error',
        {
          code: 120,
          ignoreUrls: true,
          ignoreRegExpLiterals: true,
        },
      ],
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
        group: ['**/model/**', '**/engine/**', '**/worker/**', '**/cli/**', '**/cfn/**'],
        message: 'The catalog imports nothing but itself.',
      },
      ui,
      security,
    ],
  ),
  layer(
    ['src/model/**'],
    [
      {
        group: ['**/engine/**', '**/worker/**', '**/cli/**', '**/cfn/**'],
        message: 'The model sits below the engine.',
      },
      ui,
      security,
    ],
  ),
  layer(
    ['src/engine/**'],
    [{ group: ['**/worker/**', '**/cli/**', '**/cfn/**'], message: 'The engine is pure.' }, ui, security],
  ),
  layer(
    ['src/cfn/**'],
    [
      {
        group: ['**/engine/**', '**/worker/**', '**/cli/**'],
        message: 'CloudFormation in and out needs only the catalog and the model, never the engine.',
      },
      ui,
      security,
    ],
  ),
  layer(
    ['src/worker/**'],
    [
      engineDeep,
      { group: ['**/cli/**', '**/cfn/**'], message: 'The worker runs the engine; it reads no templates.' },
      ui,
      security,
    ],
  ),
  layer(
    ['src/cli/**'],
    [engineDeep, { group: ['**/worker/**'], message: 'The runner does not use the page’s workers.' }, ui, security],
  ),
  layer(
    ['src/ui/**'],
    [engineDeep, { group: ['**/cli/**'], message: 'The page does not import the runner.' }, security],
  ),
  layer(
    ['src/security/**'],
    [
      {
        group: ['**/catalog/**', '**/model/**', '**/engine/**', '**/worker/**', '**/cli/**', '**/cfn/**'],
        message: 'The security headers import nothing.',
      },
      ui,
    ],
  ),
);

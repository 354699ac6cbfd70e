// Lint for the whole project: typescript-eslint's strict type-checked rules everywhere, React's hook
// rules in the renderer. Formatting is Prettier's job (`npm run lint` runs both).
// Each rule tuned below says why. An `eslint-disable` comment in the code must give its reason on
// the same line, after `--`.
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-output/', 'coverage/'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  comments.recommended,
  {
    // A disable names its rules and says why after `--` on the same line.
    rules: { '@eslint-community/eslint-comments/require-description': 'error' },
  },
  {
    rules: {
      // Chinese text, and the gazette quoted in comments, tests and patterns, uses the ideographic
      // space (U+3000) and no-break spaces on purpose; string literals are already exempt.
      'no-irregular-whitespace': [
        'error',
        { skipComments: true, skipRegExps: true, skipTemplates: true, skipJSXText: true },
      ],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Numbers in messages and keys (`${n} 人`, `${year}-${month}`) are the common, safe case.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `onClick={() => setOpen(true)}` and `.then(() => resolve())` are the idiom; the value is
      // discarded by design. Block bodies that return a void call are still reported.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // Handlers, printers and stores implement Promise-returning contracts; `async` without `await`
      // keeps a synchronous throw a rejection the caller handles, instead of an exception it does not.
      '@typescript-eslint/require-await': 'off',
      // A leading underscore marks a parameter or a destructured field left out on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // A test that reads `rows[0]!` fails on that line when the row is missing, which is the check.
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat['recommended-latest']],
    languageOptions: { globals: globals.browser },
  },
  {
    // Plain Node scripts and this file: JavaScript, no type information.
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
  },
);

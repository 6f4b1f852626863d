// Lint gate (run by `make test-frontend`): TypeScript-aware rules, the rules of hooks (with the
// React Compiler's checks), and feature boundaries in the bulletproof-react model — a feature
// never imports another feature; shared code (lib, components, api) never imports a feature or
// the app shell.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importPlugin from 'eslint-plugin-import';
import globals from 'globals';

const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'src/api/schema.d.ts', 'e2e/screenshots'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: globals.node } },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, import: importPlugin },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.json' } },
    },
    rules: {
      ...reactHooks.configs['recommended-latest'].rules,
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            // One feature never reaches into another; what two features share moves to lib/ or components/.
            ...features.map((feature) => ({
              target: `./src/features/${feature}`,
              from: './src/features',
              except: [`./${feature}`],
              message: 'A feature does not import another feature: move what they share to lib/ or components/.',
            })),
            // Unidirectional: shared code → features → app.
            { target: './src/features', from: './src/app', message: 'Features do not import the app shell.' },
            {
              target: ['./src/components', './src/lib', './src/api', './src/locales'],
              from: ['./src/features', './src/app'],
              message: 'Shared code does not import features or the app shell.',
            },
          ],
        },
      ],
    },
  },
);

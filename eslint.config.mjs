// Flat config: typescript-eslint with type-aware, bug-catching rules (medplum's set) and a ban on
// wall-clock reads in source: evaluation time is always passed in as `now`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const clockBan = [
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message:
      'Do not read the wall clock in src/: take `now` as a parameter (allowed only in packages/server timing code with an eslint-disable and a reason).',
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'Bare `new Date()` reads the wall clock: take `now` as a parameter.',
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'coverage/**',
      'test-output/**',
      // StrykerJS sandboxes and reports (pnpm mutation).
      '.stryker-tmp/**',
      'reports/**',
      'docs/reference/rules/**',
      '**/*.d.ts',
      'packages/core/src/generated/**',
      // A consumer project type-checked by its own tsc configs in scripts/ci/consumer-smoke.sh.
      'scripts/ci/consumer/*.ts',
      'scripts/ci/consumer/*.mts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.typecheck.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always'],
      curly: ['error', 'all'],
      'no-throw-literal': 'error',
      'no-restricted-syntax': ['error', ...clockBan],
    },
  },
  {
    // Tests and scripts may use the clock (fixtures pin `now` explicitly anyway); focused tests are banned.
    files: ['**/*.test.ts', '**/test/**/*.ts', 'bench/**/*.ts', 'scripts/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name='only']",
          message: 'Focused tests silently skip the rest.',
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        URL: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // CI scripts and the consumer smoke project (scripts/ci/consumer: plain Node and jest globals).
    files: ['scripts/ci/**/*.js', 'scripts/ci/**/*.mjs', 'scripts/ci/**/*.cjs'],
    languageOptions: {
      globals: {
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        fetch: 'readonly',
        test: 'readonly',
        expect: 'readonly',
        beforeAll: 'readonly',
      },
    },
  },
);

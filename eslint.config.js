// Lint for the whole tree: TypeScript's recommended rules, exhaustive switches over unions
// (a new breakdown or unit kind is a compile-time error where it is not handled), and the
// architecture's boundaries: the core is headless and deterministic; views send intents.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** What the core may import: itself, xstate, yaml, js-yaml and zod. It runs the same in Node and the browser. */
const corePurity = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          regex: '^(?!\\.{1,2}/|xstate($|/)|yaml($|/)|js-yaml($|/)|zod($|/))',
          message:
            'The core imports only itself, xstate, yaml, js-yaml and zod: it runs the same in Node and in the browser (no pixi, DOM, zustand or node: modules).',
        },
        {
          regex: '(^|/)(app|cli)(/|$)',
          message: 'The core never reaches into the app or the command line: they are its clients.',
        },
      ],
    },
  ],
  'no-restricted-globals': [
    'error',
    ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'fetch', 'performance'].map((name) => ({
      name,
      message: 'The core is headless: no browser globals.',
    })),
    ...['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'requestAnimationFrame'].map((name) => ({
      name,
      message: 'The engine owns the clock: schedule on its queue, not with timers.',
    })),
  ],
  'no-restricted-syntax': [
    'error',
    { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'The engine owns the clock: no wall clock in the core.' },
    { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The engine owns the clock: no wall clock in the core.' },
    { selector: "CallExpression[callee.name='Date']", message: 'Date() reads the wall clock.' },
    {
      selector: "MemberExpression[object.name='Math'][property.name='random']",
      message: "Draw from the engine's seeded Random (src/core/rng.ts), never Math.random.",
    },
    { selector: "MemberExpression[object.name='crypto']", message: "Draw from the engine's seeded Random (src/core/rng.ts)." },
    { selector: "MemberExpression[object.name='Intl']", message: "Intl depends on the host's locale: order with src/core/order.ts, format numbers in code." },
    {
      selector: "CallExpression[callee.property.name='localeCompare']",
      message: "localeCompare depends on the host's locale: use byCodePoint or byNatural (src/core/order.ts).",
    },
    { selector: 'CallExpression[callee.property.name=/^toLocale/]', message: "toLocale… depends on the host's locale and time zone." },
    {
      selector:
        'CallExpression[callee.property.name=/^(get|set)(FullYear|Month|Date|Day|Hours|Minutes|Seconds|Milliseconds)$|^getTimezoneOffset$|^toString$|^toDateString$|^toTimeString$/][callee.object.type=/NewExpression/]',
      message: "Local-time Date methods depend on the host's time zone: use the UTC ones.",
    },
  ],
};

/**
 * The core's functions that run a scenario (or load one to run it): only the store and the sweep's
 * workers call them. A view sends an intent (store.getState().runWhatIf(…)) and reads the result.
 */
const RUN_FUNCTIONS = ['simulate', 'runScenario', 'analyse', 'runDrill', 'runRange', 'runOnce', 'loadScenario', 'compareRuns', 'rerunner'];
const runFunctionsOnlyInTheStore = {
  regex: '(^|/)core(/|$)',
  importNames: RUN_FUNCTIONS,
  message: "Views send intents to the store and read what it keeps: only the store (src/app/store*.ts) and the sweep's workers call the core's run functions.",
};
const viewsSendIntents = { 'no-restricted-imports': ['error', { patterns: [runFunctionsOnlyInTheStore] }] };

/** The plot's geometry is numbers in, numbers out, tested in Node: no pixi, no DOM. */
const plotGeometryIsPure = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        runFunctionsOnlyInTheStore,
        { regex: '^pixi\\.js($|/)', message: 'src/app/plot/geometry is pure: it computes where things go; the layers draw them with pixi.' },
        {
          regex: '^\\.\\./(layers|draw|canvas|scene|app|index)($|/|\\.ts$)',
          message: 'src/app/plot/geometry is pure: the layers import it, not the other way round.',
        },
      ],
    },
  ],
  'no-restricted-globals': [
    'error',
    ...['window', 'document', 'performance'].map((name) => ({ name, message: 'The plot geometry is pure: pass what it needs in.' })),
  ],
};

/**
 * No view parses a sentence the core wrote (issue 16): causes, explanations, messages and reasons
 * are data (`why`, `code`/`params`) rendered in the reader's language, and their English words are
 * for the JSON report and the CLI. A view that splits, matches or searches them breaks the moment
 * the wording changes, and shows English to a Japanese or Korean reader. Read the data instead.
 */
const SENTENCE_FIELDS = '/^(cause|explanation|message|reason|why|text)$/';
/** The editor's own text (CodeMirror's line.text, doc.text) is the author's file, not the core's words. */
const EDITOR_TEXT = '/^(line|doc)$/';
const STRING_PARSERS = '/^(split|match|matchAll|replace|replaceAll|exec|test|indexOf|lastIndexOf|startsWith|endsWith|includes|search)$/';
const noSentenceParsing = {
  'no-restricted-syntax': [
    'error',
    ...[
      // b.cause.split(': ') and o.why?.text.match(/…/)
      `CallExpression[callee.property.name=${STRING_PARSERS}][callee.object.property.name=${SENTENCE_FIELDS}][callee.object.object.name!=${EDITOR_TEXT}]`,
      // (o.cause ?? '').split(/: |; /)
      `CallExpression[callee.property.name=${STRING_PARSERS}][callee.object.type='LogicalExpression'][callee.object.left.property.name=${SENTENCE_FIELDS}]`,
      // /stopped at (\w+)/.exec(b.explanation)
      `CallExpression[callee.property.name=/^(exec|test)$/][arguments.0.property.name=${SENTENCE_FIELDS}][arguments.0.object.name!=${EDITOR_TEXT}]`,
    ].map((selector) => ({
      selector,
      message: 'No view parses a sentence the core wrote: read the data (why.code/params, stage, failedAt) and word it with tr()/sayIn() (src/app/i18n.ts).',
    })),
  ],
};

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'coverage/', 'test-results/', 'node_modules/', 'tests/golden/out/', 'public/', 'schemas/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: false }],
      // A leading underscore marks what is left out on purpose (`const { seq: _seq, ...rest } = e`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { varsIgnorePattern: '^_', argsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  { files: ['src/core/**/*.ts'], rules: corePurity },
  {
    files: ['src/app/**/*.ts'],
    // The store runs; a sweep worker runs its share of a sweep (sweep-run.ts is the work it does).
    ignores: ['src/app/store.ts', 'src/app/store-*.ts', 'src/app/**/*.worker.ts', 'src/app/explore/sweep-run.ts'],
    rules: viewsSendIntents,
  },
  { files: ['src/app/plot/geometry/**/*.ts'], rules: plotGeometryIsPure },
  { files: ['src/app/**/*.ts'], rules: noSentenceParsing },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
  // The command line's launcher and build script are plain JavaScript, run by Node before anything is built.
  {
    files: ['bin/**/*.js', 'scripts/**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  // The launcher and its staleness check are CommonJS (bin/package.json): Node starts those sooner.
  {
    files: ['bin/**/*.js', 'scripts/**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      sourceType: 'commonjs',
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly' },
    },
    rules: { ...tseslint.configs.disableTypeChecked.rules, '@typescript-eslint/no-require-imports': 'off' },
  },
);

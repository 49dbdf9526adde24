/** The import rules of docs/ARCHITECTURE.md, checked by `npm run lint`. */

// Node built-ins the pure packages (domain, contract) may not use: no I/O, no env, no clock source.
const NODE_IO = '^(node:)?(fs|fs/promises|path|os|child_process|net|http|https|crypto|process|worker_threads|dns|tls|cluster|stream)$';

// The public surface of a workspace package: the files its package.json `exports` patterns reach, as regular expressions.
// Read from package.json itself, so a new public area is one line there ("./<area>/*": "./src/<area>/*.ts").
const escapeRegExp = (text) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
const exported = (pkg) =>
  Object.values(require(`./packages/${pkg}/package.json`).exports).map(
    (target) => `^packages/${pkg}/${escapeRegExp(target.replace(/^\.\//, '')).replace('*', '.+')}$`,
  );

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles, type-only ones included: a cycle means two modules are one module in two files.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      comment: 'The domain package imports no server, web or contract code and no Node built-ins (no I/O, no env).',
      severity: 'error',
      from: { path: '^packages/domain/src' },
      to: { path: `^packages/(server|web|contract)/|${NODE_IO}`, dependencyTypes: ['local', 'core', 'npm'] },
    },
    {
      name: 'domain-uses-few-libraries',
      comment:
        'The domain package uses TypeBox (schemas), the Temporal polyfill (time arithmetic) and yaml (the education ' +
        "articles' front matter, a pure parser), nothing else from npm.",
      severity: 'error',
      from: { path: '^packages/domain/src' },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'],
        pathNot: 'node_modules/(@sinclair/typebox|temporal-polyfill|yaml)/',
      },
    },
    {
      name: 'contract-is-schemas',
      comment: 'The API contract holds schemas only: it may use the domain and TypeBox, never the server, the web app or Node.',
      severity: 'error',
      from: { path: '^packages/contract/src' },
      to: { path: `^packages/(server|web)/|${NODE_IO}`, dependencyTypes: ['local', 'core', 'npm'] },
    },
    {
      name: 'contract-uses-only-typebox',
      comment: 'The contract package may import @myomap/domain and @sinclair/typebox, nothing else from npm.',
      severity: 'error',
      from: { path: '^packages/contract/src' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'], pathNot: 'node_modules/@sinclair/typebox/' },
    },
    {
      name: 'server-not-web',
      severity: 'error',
      from: { path: '^packages/server/src' },
      to: { path: '^packages/web/' },
    },
    {
      name: 'web-not-server',
      comment: 'The web app reaches the server over HTTP only; shared shapes come from @myomap/contract.',
      severity: 'error',
      from: { path: '^packages/web/' },
      to: { path: '^packages/server/' },
    },
    {
      name: 'route-areas-are-independent',
      comment:
        'A route area does not import another area’s route files or schemas: shared schemas come from @myomap/contract, ' +
        'shared transactions from server/src/<area>/, shared SQL from stores/.',
      severity: 'error',
      from: { path: '^packages/server/src/routes/([^/]+)/' },
      to: { path: '^packages/server/src/routes/([^/]+)/', pathNot: '^packages/server/src/routes/$1/' },
    },
    {
      name: 'features-are-independent',
      comment: 'A web feature does not import another feature (shared code goes to components/ or lib/).',
      severity: 'error',
      from: { path: '^packages/web/src/features/([^/]+)/' },
      to: { path: '^packages/web/src/features/([^/]+)/', pathNot: '^packages/web/src/features/$1/' },
    },
    {
      name: 'shared-web-code-not-features',
      comment: 'components/ and lib/ are below the features: they do not import a feature.',
      severity: 'error',
      from: { path: '^packages/web/src/(components|lib)/' },
      to: { path: '^packages/web/src/features/' },
    },
    {
      name: 'only-exported-domain-modules',
      comment:
        'Server and web import the domain through its package.json `exports` only. A new public area: add "./<area>/*" there. ' +
        '(TypeScript resolves @myomap/domain/<path> through the exports map too, so this also catches relative imports.)',
      severity: 'error',
      from: { path: '^packages/(server|web|contract)/' },
      to: { path: '^packages/domain/', pathNot: exported('domain') },
    },
    {
      name: 'only-exported-contract-modules',
      comment: 'Server and web import the contract through its package.json `exports` only. A new area: add "./<area>/*" there.',
      severity: 'error',
      from: { path: '^packages/(server|web)/' },
      to: { path: '^packages/contract/', pathNot: exported('contract') },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves; an @myomap/… import of a module the package does not export does not (see the rules above).',
      severity: 'error',
      from: {},
      // @medplum/fhirtypes is types only (its `main` is empty, every import of it is `import type`).
      to: { couldNotResolve: true, pathNot: '^@medplum/fhirtypes$' },
    },
    {
      name: 'no-orphans',
      comment: 'A module nothing imports is dead code, or an entry point that should be listed here.',
      severity: 'warn',
      from: {
        orphan: true,
        pathNot: [
          '\\.d\\.ts$',
          '\\.test\\.tsx?$',
          '(^|/)(vite|vitest)\\.config\\.ts$',
          '^packages/web/src/main\\.tsx$',
          // Copied as it is into the build (web-pages.ts sends it on /book): an entry point of its own.
          '^packages/web/public/',
          '^packages/server/src/(start-server|cli/[^/]+)\\.ts$',
          '^packages/(domain|contract)/src/',
          // Fixtures and helpers that only tests import (test files are not cruised).
          '^packages/server/src/test-support/',
        ],
      },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    // Tests, and the built web app (after npm start or npm test, dist/ and dist-ssr/ hold bundled copies of the code).
    exclude: { path: '(\\.test\\.ts$|/dist/|/dist-ssr/)' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};

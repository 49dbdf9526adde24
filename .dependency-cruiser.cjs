/** The import rules of docs/ARCHITECTURE.md, checked by `npm run lint`. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'The domain package imports no server or web code and no Node built-ins (no I/O, no env).',
      severity: 'error',
      from: { path: '^packages/domain/src' },
      to: { path: '^packages/(server|web)/|^(node:)?(fs|path|os|child_process|net|http|https|crypto|process)$', dependencyTypes: ['local', 'core', 'npm'] },
    },
    {
      name: 'contract-is-schemas',
      comment: 'The API contract holds schemas only: it may use the domain, never the server or the web app.',
      severity: 'error',
      from: { path: '^packages/contract/src' },
      to: { path: '^packages/(server|web)/|^(node:)?(fs|path|os|child_process|net|http|https|crypto|process)$', dependencyTypes: ['local', 'core', 'npm'] },
    },
    {
      name: 'server-not-web',
      severity: 'error',
      from: { path: '^packages/server/src' },
      to: { path: '^packages/web/' },
    },
    {
      name: 'features-are-independent',
      comment: 'A web feature does not import another feature (shared code goes to components/ or lib/).',
      severity: 'warn',
      from: { path: '^packages/web/src/features/([^/]+)/' },
      to: { path: '^packages/web/src/features/([^/]+)/', pathNot: '^packages/web/src/features/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    exclude: { path: '\\.test\\.ts$' },
  },
};

// The dependency rules of dondoc (issue 10): dependencies point inward, src/domain <- src/app <- adapters.
// Checked by tests/architecture/dependency-rules.test.ts (part of `npm test`); violations that existed when a rule
// was written are listed in tests/architecture/known-violations.json and may only go away
// (`node scripts/known-violations.mjs` rewrites the list). One more rule lives in the test's helper
// (tests/architecture/dependency-rules.ts), "no-layer-cycles": no two top folders depend on each other, directly or
// round about. dependency-cruiser's folder rules see only each folder's own files, so they cannot say it.
//
// The layers, by folder:
//   domain   src/domain                     pure rules
//   app      src/app (ports in src/app/ports), src/i18n (the catalogue the use cases speak through)
//   adapters src/channels, src/http, src/db, jobs/, src/cli, src/sandbox, src/runtime, src/config, src/main.ts
const ADAPTERS = '^(src/(channels|http|runtime|cli|sandbox|config)/|src/(main|config|logger)\\.ts$|jobs/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain imports only itself, and pure libraries (zod for shapes, yaml for the policy file)',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: ['^src/domain/', '^node_modules/(zod|yaml)/'] },
    },
    {
      name: 'app-imports-domain-and-ports',
      comment:
        'src/app imports src/domain, itself (its ports in src/app/ports) and src/i18n: use cases speak through the ' +
        'message catalogue, which is pure (Fluent over src/domain). Never an adapter (channels, http, jobs, runtime) ' +
        'nor the database: what it needs from outside is a port',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: '^(src/|jobs/)', pathNot: '^src/(app|domain|i18n)/' },
    },
    {
      name: 'prisma-only-in-db',
      comment: 'Prisma (the client, its adapter, the generated client) is reached through src/db only',
      severity: 'error',
      from: { pathNot: '^src/db/' },
      to: { path: ['^node_modules/(@prisma|prisma)/', '^src/db/generated/'] },
    },
    {
      name: 'channels-not-db',
      comment: 'a channel adapter reaches the application through its ports, never the database',
      severity: 'error',
      from: { path: '^src/channels/' },
      to: { path: '^src/db/' },
    },
    {
      name: 'jobs-not-db',
      comment: 'jobs run use cases of src/app; the queries stay behind them',
      severity: 'error',
      from: { path: '^jobs/' },
      to: { path: '^src/db/' },
    },
    {
      name: 'db-not-adapters',
      comment: 'the database adapter knows the application (its port types), never another adapter',
      severity: 'error',
      from: { path: '^src/db/' },
      to: { path: ADAPTERS },
    },
  ],
  options: {
    includeOnly: '^(src|jobs)/',
    // The sandbox page is plain browser JavaScript; the generated Prisma client is seen (imports of it count) but
    // not read.
    exclude: { path: '^src/sandbox/page/' },
    doNotFollow: { path: ['node_modules', '^src/db/generated/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};

/** Layer rules: the domain imports no framework and no outer layer (after domain-driven-hexagon). */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-framework-free',
      comment: 'The domain is plain TypeScript: no Nest, TypeORM, database clients or other libs of this repository.',
      severity: 'error',
      from: { path: '^libs/domain/src' },
      to: { path: ['node_modules', '^libs/(event-store|read-models|application|platform)/', '^apps/'], pathNot: ['node_modules/@types/'] },
    },
    {
      name: 'event-store-knows-no-domain',
      comment: 'The event store moves opaque events; it does not know motie or toezegging.',
      severity: 'error',
      from: { path: '^libs/event-store/src' },
      to: { path: ['^libs/(domain|read-models|application)/', '^apps/'] },
    },
    {
      name: 'read-models-do-not-use-the-write-side',
      severity: 'error',
      from: { path: '^libs/read-models/src' },
      to: { path: ['^libs/application/', '^apps/'] },
    },
    {
      name: 'import-reads-documents-only',
      comment: 'The document readers turn bytes into proposals; they know no Nest, no store and no read model, so the CLI can read a file without writing anything.',
      severity: 'error',
      from: { path: '^libs/import/src' },
      to: { path: ['node_modules/@nestjs/', 'node_modules/typeorm/', '^libs/(event-store|read-models|application|access)/', '^apps/'] },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'commands-know-no-transport',
      comment: 'A command is dispatched alike by HTTP, the CLI, an importer or a job: it holds no request DTO, no OpenAPI or validation decorators.',
      severity: 'error',
      from: { path: '^libs/.*\\.commands?\\.ts$' },
      to: { path: ['node_modules/@nestjs/swagger/', 'node_modules/class-validator/', '^libs/application/src/http/', '\\.request\\.dto\\.ts$'] },
    },
    {
      name: 'cli-uses-library-indexes',
      comment: 'The CLI is one more way in: it uses what the libraries export, not their insides.',
      severity: 'error',
      from: { path: '^apps/cli/' },
      to: { path: '^libs/[^/]+/src/', pathNot: '^libs/[^/]+/src/index\\.ts$' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['\\.spec\\.ts$', '\\.contract\\.ts$', '^test/'] },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};

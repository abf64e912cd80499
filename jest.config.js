// Test tiers by file name (STYLE.md): *.unit.spec.ts, *.int.spec.ts, test/*.e2e-spec.ts.
const moduleNameMapper = {
  '^@register/(domain|event-store|read-models|application|platform|access|import)$': '<rootDir>/libs/$1/src',
  '^@register/(domain|event-store|read-models|application|platform|access|import)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] };
const base = { testEnvironment: 'node', moduleFileExtensions: ['ts', 'js', 'json'], moduleNameMapper, transform, rootDir: __dirname };

module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.unit.spec.ts', '<rootDir>/apps/**/*.unit.spec.ts'] },
    { ...base, displayName: 'int', testMatch: ['<rootDir>/libs/**/*.int.spec.ts', '<rootDir>/apps/**/*.int.spec.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
    // The in-process HTTP specs again with the read models and idempotency records in PostgreSQL.
    // Specs that start processes or read the SQLite read-model file themselves stay on SQLite.
    {
      ...base,
      displayName: 'e2e-postgres',
      setupFiles: ['<rootDir>/test/support/postgres-leesmodellen.ts'],
      testMatch: ['idempotency', 'register', 'concurrency', 'halfjaarbericht', 'audit', 'tijdreis-register', 'invalid-input', 'overzicht', 'bijlage-injectie', 'access-matrix', 'importen', 'register-export', 'overdrachten', 'rappel', 'behandelaar', 'herinneringen', 'agenda', 'kamer', 'openbaar'].map((n) => `<rootDir>/test/${n}.e2e-spec.ts`),
    },
    // Headless Chromium against the built web app (npm run build first; npm test does).
    { ...base, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'] },
  ],
};

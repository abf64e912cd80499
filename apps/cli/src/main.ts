import { CommandFactory } from 'nest-commander';
import { logLevels, validateConfig } from '@register/platform';
import { BijlageLezenModule } from './bijlage-lezen.module';
import { CliModule } from './cli.module';

async function main(): Promise<void> {
  // Reading a document touches no store: it must not even create the data directory.
  const alleenLezen = process.argv[2] === 'bijlage-lezen';
  await CommandFactory.run(alleenLezen ? BijlageLezenModule : CliModule.forRoot(), {
    logger: logLevels(validateConfig(process.env).LOG_LEVEL),
    cliName: 'register',
    usePlugins: false,
    // Commander reports --help and --version as "errors" with exit code 0.
    errorHandler: (error) => {
      const exitCode = (error as Error & { exitCode?: number }).exitCode ?? 1;
      if (exitCode !== 0) process.stderr.write(`${error.message}\n`);
      process.exit(exitCode);
    },
    serviceErrorHandler: (error) => {
      process.stderr.write(`Fout: ${error.message}\n`);
      process.exit(1);
    },
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`Fout: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

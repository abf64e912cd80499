import { CommandFactory } from 'nest-commander';
import { logLevels, validateConfig } from '@register/platform';
import { CliModule } from './cli.module';

async function main(): Promise<void> {
  await CommandFactory.run(CliModule.forRoot(), {
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

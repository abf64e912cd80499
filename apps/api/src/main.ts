import { ConfigService } from '@nestjs/config';
import { AppConfig, logLevels, validateConfig } from '@register/platform';
import { createApp } from './app.factory';

async function bootstrap(): Promise<void> {
  const app = await createApp(logLevels(validateConfig(process.env).LOG_LEVEL));
  const config = app.get<ConfigService<AppConfig, true>>(ConfigService);
  const port = config.get('PORT', { infer: true });
  const host = config.get('HOST', { infer: true });
  await app.listen(port, host);
  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  const eventStore = config.get('EVENTSTORE_CONNECTION_STRING', { infer: true }) ? 'EventStoreDB/KurrentDB' : 'embedded SQLite';
  const readModels = config.get('DATABASE_URL', { infer: true }) ? 'PostgreSQL' : 'embedded SQLite';
  process.stdout.write(
    [
      '',
      `Register moties en toezeggingen draait op ${url}`,
      `  API-documentatie: ${url}/api/docs`,
      `  Gezondheid:       ${url}/health`,
      `  Datamap:          ${config.get('DATA_DIR', { infer: true })}`,
      `  Event store:      ${eventStore}; leesmodellen: ${readModels}`,
      '',
    ].join('\n') + '\n',
  );
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`Het register kon niet starten: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

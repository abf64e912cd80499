import { ConfigService } from '@nestjs/config';
import { GebruikersStore } from '@register/access';
import { AppConfig, logLevels, validateConfig } from '@register/platform';
import { createApp, webAppDir } from './app.factory';

async function bootstrap(): Promise<void> {
  const app = await createApp(logLevels(validateConfig(process.env).LOG_LEVEL));
  const config = app.get<ConfigService<AppConfig, true>>(ConfigService);
  const port = config.get('PORT', { infer: true });
  const host = config.get('HOST', { infer: true });
  await app.listen(port, host);
  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  const eventStore = config.get('EVENTSTORE_CONNECTION_STRING', { infer: true }) ? 'EventStoreDB/KurrentDB' : 'embedded SQLite';
  const readModels = config.get('DATABASE_URL', { infer: true }) ? 'PostgreSQL' : 'embedded SQLite';
  const eersteToken = eersteBeheerder(app.get(GebruikersStore));
  process.stdout.write(
    [
      '',
      `Register moties en toezeggingen draait op ${url}`,
      ...(webAppDir() ? [`  Webapp:           ${url}/ (meld u aan met een token)`] : ['  Webapp:           niet gebouwd (npm run build)']),
      `  API-documentatie: ${url}/api/docs`,
      `  Gezondheid:       ${url}/health`,
      config.get('OPENBAAR', { infer: true }) === 'aan'
        ? `  Openbaar:         ${url}/openbaar/ (zonder aanmelden)${config.get('OPENBAAR_URL', { infer: true }) || config.get('WEB_URL', { infer: true }) ? '' : '; zet OPENBAAR_URL op het publieke adres: de links in de feed en de open data wijzen nu naar dit adres'}`
        : '  Openbaar:         uit (OPENBAAR=aan zet het openbare register aan)',
      `  Datamap:          ${config.get('DATA_DIR', { infer: true })}`,
      `  Event store:      ${eventStore}; leesmodellen: ${readModels}`,
      '',
      ...(eersteToken
        ? [
            'Eerste start: er is een gebruiker "beheerder" (rol beheerder) aangemaakt met dit token.',
            'Het wordt maar één keer getoond; bewaar het veilig:',
            '',
            `  ${eersteToken}`,
            '',
            'Voeg daarmee gebruikers toe: POST /api/beheer/gebruikers, of: npm run cli -- gebruiker-toevoegen <naam> --rol griffier',
            '',
          ]
        : []),
    ].join('\n') + '\n',
  );
}

/** A new data directory has no users: the first start creates a beheerder and shows its token once. */
function eersteBeheerder(gebruikers: GebruikersStore): string | undefined {
  return gebruikers.isLeeg() ? gebruikers.voegToe('beheerder', 'beheerder') : undefined;
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`Het register kon niet starten: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

/*
 * Who recorded an event, as a sentence reads it after "door". Events carry the actor as the API
 * wrote it: a register user's name (no colon: names are letters, digits and . _ @ -), or a prefix
 * for what is not a person typing in the web app:
 *   oidc:<naam>              a person signed in through the ministry's identity provider
 *   cli:<systeemgebruiker>   a command run on the server (`npm run cli -- …`)
 *   halfjaarbericht:<titel>  the reactor that afdoet a sent report's items
 *   import:<bron>            an import
 *   demo-laden               the demo loader
 *   herinneringen:dagelijks  the server's daily reminder run
 */
const SOORTEN: Record<string, (rest: string) => string> = {
  oidc: (naam) => `${naam} (aangemeld via de identiteitsprovider)`,
  cli: (gebruiker) => `${gebruiker} via de opdrachtregel`,
  halfjaarbericht: (titel) => `het halfjaarbericht ${titel}`,
  import: (bron) => `de import ${bron}`,
};

const VAST: Record<string, string> = {
  'demo-laden': 'het demoregister (demo-laden)',
  'herinneringen:dagelijks': 'de dagelijkse herinneringen',
};

export function wieNl(actor: string): string {
  if (VAST[actor]) return VAST[actor];
  const dubbelepunt = actor.indexOf(':');
  if (dubbelepunt <= 0) return actor;
  const soort = actor.slice(0, dubbelepunt);
  const rest = actor.slice(dubbelepunt + 1).trim();
  if (!rest) return actor;
  return SOORTEN[soort]?.(rest) ?? `${rest} (${soort})`;
}

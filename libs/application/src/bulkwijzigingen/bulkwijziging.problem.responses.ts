import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiHeader, ApiServiceUnavailableResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';

/** What a bulk change (and its preview) can answer besides success, all as application/problem+json. */
export function ApiBulkFouten(wat: 'overdracht' | 'termijnwijziging') {
  const niets = wat === 'overdracht' ? '`bewindspersoon-onbekend` (geen enkel item op die naam), `niets-over-te-dragen`' : '`niets-te-wijzigen`';
  return applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Maakt het verzoek als geheel idempotent: de id van de bulkwijziging wordt ervan afgeleid (per gebruiker). Zonder sleutel wordt de id van de inhoud afgeleid. Gebruik dezelfde sleutel voor het voorbeeld en het uitvoeren.',
    }),
    ApiBadRequestResponse({ description: 'Ongeldige invoer (ook een lege selectie); `fouten` noemt per veld wat er mis is. Er wordt niets vastgelegd.' }),
    ApiUnprocessableEntityResponse({
      description: `Niet uitvoerbaar, er wordt niets vastgelegd: ${niets}, \`selectie-ongeldig\` (een gekozen item is onbekend, niet open${wat === 'overdracht' ? ' of niet van de vertrekkende bewindspersoon' : ''}; de melding noemt elk), \`te-veel-items\`, \`idempotency-key-hergebruikt\` (dezelfde sleutel voor een ander verzoek)`,
    }),
    ApiConflictResponse({ description: 'Een gelijktijdig verzoek voor dezelfde bulkwijziging kwam er steeds tussen; stuur hetzelfde verzoek opnieuw' }),
    ApiServiceUnavailableResponse({ description: 'Het register loopt meer dan 5 seconden achter op het log; probeer het zo opnieuw' }),
  );
}

import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiExtraModels, ApiHeader, ApiResponse, ApiServiceUnavailableResponse, ApiUnprocessableEntityResponse, getSchemaPath } from '@nestjs/swagger';
import { MAX_BULK_ITEMS } from '@register/domain';
import { BulkProbleemDto } from './bulkwijziging.response.dto';

const PROBLEEM = { 'application/problem+json': { schema: { $ref: getSchemaPath(BulkProbleemDto) } } };

/**
 * What a bulk change (`uitvoeren`) and its preview (`voorbeeld`) can answer besides success, all as
 * application/problem+json. Carrying out needs an Idempotency-Key; a preview may go without.
 */
export function ApiBulkFouten(wat: 'overdracht' | 'termijnwijziging', route: 'uitvoeren' | 'voorbeeld') {
  const niets = wat === 'overdracht' ? '`bewindspersoon-onbekend` (geen enkele bewindspersoon in het register met die naam, op hoofdletters, accenten en spaties na), `niets-over-te-dragen`' : '`niets-te-wijzigen`';
  return applyDecorators(
    ApiExtraModels(BulkProbleemDto),
    ApiHeader({
      name: 'Idempotency-Key',
      required: route === 'uitvoeren',
      description:
        route === 'uitvoeren'
          ? 'Verplicht: maakt het verzoek als geheel idempotent. De id van de bulkwijziging wordt ervan afgeleid (per gebruiker); hetzelfde verzoek met dezelfde sleutel opnieuw geeft dezelfde uitkomst en maakt een onderbroken wijziging af. Gebruik dezelfde sleutel als voor het voorbeeld, en een nieuwe voor een nieuwe wijziging.'
          : 'Optioneel: met de sleutel waarmee het verzoek wordt uitgevoerd geeft het voorbeeld ook de id en zegt het of er al over is besloten (`eerder`). Zonder sleutel alleen wat het verzoek nu zou doen (`id` null).',
    }),
    ApiBadRequestResponse({ description: 'Ongeldige invoer (ook een lege selectie of een misvormde Idempotency-Key); `fouten` noemt per veld wat er mis is. Er wordt niets vastgelegd.' }),
    ...(route === 'uitvoeren'
      ? [ApiResponse({ status: 428, description: '`idempotency-key-vereist`: het verzoek had geen Idempotency-Key. Er wordt niets vastgelegd.', content: PROBLEEM })]
      : []),
    ApiUnprocessableEntityResponse({
      description:
        `Niet uitvoerbaar, er wordt niets vastgelegd: ${niets}, \`selectie-ongeldig\` (een gekozen item is onbekend, niet open${wat === 'overdracht' ? ' of niet van de vertrekkende bewindspersoon' : ''}; ` +
        '`weigeringen` noemt elk met zijn code, de melding de eerste tien), ' +
        `\`te-veel-items\` (meer dan ${MAX_BULK_ITEMS.toLocaleString('nl-NL')}), \`te-groot\` (het besluit past niet in één event: splits de selectie), \`idempotency-key-hergebruikt\` (dezelfde sleutel voor een ander verzoek)`,
      content: PROBLEEM,
    }),
    ApiConflictResponse({ description: 'Een gelijktijdig verzoek voor dezelfde bulkwijziging kwam er steeds tussen; stuur hetzelfde verzoek opnieuw' }),
    ApiServiceUnavailableResponse({ description: 'Het register loopt meer dan 5 seconden achter op het log; probeer het zo opnieuw' }),
  );
}

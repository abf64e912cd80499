import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';

/** The error answers every command can give, all as application/problem+json. */
export function ApiFouten() {
  return applyDecorators(
    ApiBadRequestResponse({ description: 'Ongeldige invoer; `fouten` noemt per veld wat er mis is (application/problem+json)' }),
    ApiNotFoundResponse({ description: 'Onbekend item' }),
    ApiUnprocessableEntityResponse({ description: 'De overgang is in de huidige status niet toegestaan' }),
  );
}

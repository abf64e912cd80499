import { BadRequestException, ParseUUIDPipe } from '@nestjs/common';

/** A bulk change's id is a UUID; anything else is a 400 that says so. */
export const BulkwijzigingIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => new BadRequestException({ fouten: [{ veld: 'id', melding: 'moet de identiteit (UUID) van een bulkwijziging zijn' }] }),
});

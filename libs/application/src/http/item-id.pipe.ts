import { BadRequestException, ParseUUIDPipe } from '@nestjs/common';

/** Item ids are UUIDs; anything else is a 400 that says so in the register's words. */
export const ItemIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => new BadRequestException({ fouten: [{ veld: 'id', melding: 'moet de identiteit (UUID) van een motie of toezegging zijn' }] }),
});

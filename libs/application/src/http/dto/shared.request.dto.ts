import { ApiPropertyOptional } from '@nestjs/swagger';
import { AfdoeningWijze } from '@register/domain';
import { ValidateIf } from 'class-validator';
import { DatumVeld, KeuzeVeld, OptioneleDatumVeld, RevisieVeld, TekstVeld, VrijeTekstVeld } from './fields';
import { LIMIET, Tekst } from './validators';

export class LidDto {
  @TekstVeld(LIMIET.naam, { example: 'Michon-Derkzen', maxLength: LIMIET.naam })
  naam!: string;

  @VrijeTekstVeld(100, { example: 'VVD', nullable: true, maxLength: 100 })
  fractie?: string | null;
}

export class TermijnDto {
  @TekstVeld(LIMIET.kort, { example: 'voor de zomer', description: 'De termijn zoals toegezegd' })
  omschrijving!: string;

  @OptioneleDatumVeld({ example: '2025-07-04', nullable: true, description: 'De datum waarop de termijn verloopt, als die te geven is' })
  datum?: string | null;
}

export const AFDOENING_SOORTEN = ['kamerstuk', 'halfjaarbericht', 'brief-ander-ministerie'] as const satisfies readonly AfdoeningWijze['soort'][];

export class AfdoeningWijzeDto {
  @KeuzeVeld(AFDOENING_SOORTEN, { example: 'kamerstuk' })
  soort!: (typeof AFDOENING_SOORTEN)[number];

  @TekstVeld(LIMIET.kort, { example: 'Kamerstukken II 2024/25, 29628, nr. 1260' })
  referentie!: string;

  // Required for a letter of another ministry only, so not an optional field of the usual kind.
  @ApiPropertyOptional({ example: 'VWS', description: 'Verplicht bij een brief van een ander ministerie' })
  @ValidateIf((o: AfdoeningWijzeDto) => o.soort === 'brief-ander-ministerie' || o.ministerie !== undefined)
  @Tekst(LIMIET.naam)
  ministerie?: string;
}

export class BewindspersoonDto {
  @TekstVeld(LIMIET.naam, { example: 'staatssecretaris van Justitie en Veiligheid' })
  bewindspersoon!: string;

  @TekstVeld(LIMIET.naam, { example: 'JenV' })
  ministerie!: string;
}

/** Every change names its business date and may say which revision the clerk was looking at. */
export class WijzigingRequestDto {
  @DatumVeld({ example: '2025-06-20', description: 'Wanneer het gebeurde (zakelijke datum), niet wanneer het wordt vastgelegd' })
  datum!: string;

  @RevisieVeld({ example: 3, description: 'De revisie die de griffier voor zich had; bij een andere revisie volgt 409' })
  verwachteRevisie?: number;
}

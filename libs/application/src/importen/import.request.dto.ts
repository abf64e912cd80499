import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { VoorstelWijzigingen } from '@register/domain';
import { Transform } from 'class-transformer';
import { IsNumber, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { LidDto } from '../http/dto/shared.request.dto';
import { MinimalePositieDto } from '../items/queries/haal-item/minimale-positie.request.dto';
import { LijstVeld, OptioneelObjectVeld, QueryGetalVeld, OptioneleDatumVeld, OptioneleKeuzeVeld, OptioneleTekstVeld, TekstVeld, VrijeTekstVeld } from '../http/dto/fields';
import { IsVergaderjaar, LIMIET } from '../http/dto/validators';

/** The form fields beside the file of `POST /api/importen` (multipart/form-data). */
export class UploadRequestDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'Het document: PDF, DOCX, XLSX, CSV of platte tekst (het soort wordt aan de inhoud herkend), ten hoogste 20 MB' })
  // Known to the validation (a browser may send an empty file as a plain field); the file itself is multer's.
  @IsOptional()
  bestand?: unknown;

  @OptioneleDatumVeld({ description: 'De datum van het bericht, als het document die zelf niet noemt (JJJJ-MM-DD)', example: '2022-12-15' })
  datum?: string;

  @TekstVeld(LIMIET.naam, { description: 'De bewindspersoon van de items die nieuw worden geregistreerd', example: 'minister van Justitie en Veiligheid' })
  bewindspersoon!: string;

  @TekstVeld(LIMIET.naam, { description: 'Het ministerie van de items die nieuw worden geregistreerd', example: 'JenV' })
  ministerie!: string;

  @OptioneleTekstVeld(LIMIET.naam, { description: 'Het thema van items die onder geen kop staan (standaard "Overig")', example: 'Politie' })
  thema?: string;

  @OptioneleTekstVeld(5000, { description: 'Voor XLSX en CSV: JSON met per registerveld de kolomkop, bijvoorbeeld {"nummer":"Kamerstuk","titel":"Omschrijving"}' })
  kolommen?: string;
}

export class VoorstelWijzigingenDto {
  @OptioneleKeuzeVeld(['motie', 'toezegging'])
  soort?: 'motie' | 'toezegging';

  @VrijeTekstVeld(LIMIET.naam, { nullable: true, example: '29628-1230' })
  nummer?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '2024/25' })
  @IsOptional()
  @IsVergaderjaar()
  vergaderjaar?: string | null;

  @OptioneleTekstVeld(LIMIET.kort)
  titel?: string;

  @LijstVeld(LidDto, { max: LIMIET.leden, wat: 'leden' }, { required: false })
  @IsOptional()
  leden?: LidDto[];

  @OptioneleKeuzeVeld(['afgedaan', 'deels-afgedaan', 'in-behandeling'], { nullable: true })
  status?: 'afgedaan' | 'deels-afgedaan' | 'in-behandeling' | null;

  @VrijeTekstVeld(LIMIET.naam, { nullable: true })
  thema?: string | null;

  @VrijeTekstVeld(LIMIET.kort, { nullable: true })
  debat?: string | null;

  @OptioneleDatumVeld({ nullable: true })
  datum?: string | null;

  @OptioneleTekstVeld(LIMIET.tekst)
  tekst?: string;

  toWijzigingen(): VoorstelWijzigingen {
    const uit: Record<string, unknown> = {};
    for (const veld of ['soort', 'nummer', 'vergaderjaar', 'titel', 'status', 'thema', 'debat', 'datum', 'tekst'] as const) {
      if (this[veld] !== undefined) uit[veld] = this[veld] === '' ? null : this[veld];
    }
    if (this.leden !== undefined) uit.leden = this.leden.map((l) => ({ naam: l.naam, fractie: l.fractie ?? null }));
    return uit as VoorstelWijzigingen;
  }
}

export class AanvaardingRequestDto {
  @OptioneelObjectVeld(VoorstelWijzigingenDto, { description: 'Velden die de griffier aanpaste voor het aanvaarden' })
  wijzigingen?: VoorstelWijzigingenDto;
}

export class SamenvoegingRequestDto {
  @ApiProperty({ format: 'uuid', description: 'Het item in het register waar dit voorstel over gaat' })
  @IsUUID(undefined, { message: 'moet een item-id (uuid) zijn' })
  itemId!: string;
}

export class AfwijzingRequestDto {
  @TekstVeld(LIMIET.kort, { example: 'Geen motie: een verwijzing in de inleiding.' })
  reden!: string;
}

export class BulkAanvaardingRequestDto {
  @ApiProperty({ minimum: 0, maximum: 1, example: 0.9, description: 'Aanvaard elk open behandeld voorstel met ten minste deze zekerheid' })
  @Transform(({ value }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value))
  @IsNumber({}, { message: 'moet een getal tussen 0 en 1 zijn' })
  @Min(0, { message: 'moet een getal tussen 0 en 1 zijn' })
  @Max(1, { message: 'moet een getal tussen 0 en 1 zijn' })
  minimaleZekerheid!: number;
}

export const VOORSTEL_FILTERS = ['open', 'besloten', 'aanvaard', 'samengevoegd', 'afgewezen', 'vervangen', 'ingetrokken'] as const;

/** minimalePositie: an acceptance's or a Kamer run's positie, to see what it filed. */
export class VoorstellenQueryDto extends MinimalePositieDto {
  @OptioneleKeuzeVeld(VOORSTEL_FILTERS, { description: 'Alleen voorstellen met deze afhandeling' })
  status?: (typeof VOORSTEL_FILTERS)[number];

  @ApiPropertyOptional({ description: 'Alleen de voorstellen van deze import (uuid), of van alle documenten (`document`) of uit de open data van de Tweede Kamer (`tweede-kamer`)', example: 'tweede-kamer' })
  @IsOptional()
  @Matches(/^(document|tweede-kamer|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, { message: 'moet een import-id (uuid), document of tweede-kamer zijn' })
  bron?: string;

  @QueryGetalVeld({ min: 1, max: 100_000, teGroot: 'is te groot' }, { default: 1, minimum: 1, description: 'Pagina (vanaf 1)' })
  pagina: number = 1;

  @QueryGetalVeld({ min: 1, max: 500, teGroot: 'mag hoogstens 500 zijn' }, { default: 100, minimum: 1, maximum: 500, description: 'Voorstellen per pagina' })
  perPagina: number = 100;
}

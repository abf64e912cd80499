import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { OptioneleKeuzeVeld, QueryGetalVeld, VrijeTekstVeld } from '../http/dto/fields';
import { OpenbaarFilter } from './openbaar.service';

const STATUSSEN = ['open', 'InBehandeling', 'DeelsAfgedaan', 'Afgedaan', 'Vervallen'] as const;
const SORTERING = ['nummer', '-nummer', 'datum', '-datum', 'termijn', '-termijn', 'status', '-status'] as const;

/**
 * The public register's filters. There is no filter on behandelaar or directie: with one, anyone
 * could ask "which items does this civil servant own?" and learn what is never shown.
 */
export class OpenbaarFilterRequestDto {
  @OptioneleKeuzeVeld(['motie', 'toezegging'], {}, 'moet motie of toezegging zijn')
  soort?: 'motie' | 'toezegging';

  @ApiPropertyOptional({ description: `Een status: ${STATUSSEN.join(', ')} (open = in behandeling of deels afgedaan)`, example: 'open' })
  @IsOptional()
  @Transform(({ value }) => (value === '' ? undefined : value))
  @IsIn(STATUSSEN, { message: `moet een van ${STATUSSEN.join(', ')} zijn` })
  status?: string;

  @VrijeTekstVeld(200, { description: 'Zoek in nummer, titel, tekst, voortgang en Kamerleden (Nederlandse woordvormen)', example: 'bodycam' })
  zoek?: string;

  @VrijeTekstVeld(200, { example: 'minister van Justitie en Veiligheid' })
  bewindspersoon?: string;

  @VrijeTekstVeld(200, { example: 'Politiepersoneel en middelen' })
  thema?: string;

  @VrijeTekstVeld(200, { description: 'Kamerlid: indiener van de motie, of aan wie de toezegging is gedaan', example: 'Van Nispen' })
  lid?: string;

  @VrijeTekstVeld(100, { example: 'SP' })
  fractie?: string;

  @OptioneleKeuzeVeld([...SORTERING], { description: 'Sorteerveld; met - ervoor aflopend. Standaard -datum: nieuwste eerst' })
  sorteer?: string;

  @QueryGetalVeld({ min: 1, max: 100_000, teGroot: 'is te groot' }, { default: 1, minimum: 1 })
  pagina = 1;

  @QueryGetalVeld({ min: 1, max: 100, teGroot: 'mag hoogstens 100 zijn' }, { default: 25, minimum: 1, maximum: 100 })
  perPagina = 25;

  filter(): OpenbaarFilter {
    // Newest first unless asked otherwise: what the public comes for is what is recent.
    const keuze = this.sorteer ?? '-datum';
    const aflopend = keuze.startsWith('-');
    const sorteer = keuze.replace(/^-/, '') as OpenbaarFilter['sorteer'];
    const tekst = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
    return {
      soort: this.soort,
      status: this.status ? [this.status] : undefined,
      zoek: tekst(this.zoek),
      bewindspersoon: tekst(this.bewindspersoon),
      thema: tekst(this.thema),
      lid: tekst(this.lid),
      fractie: tekst(this.fractie),
      sorteer,
      aflopend,
      pagina: this.pagina,
      perPagina: this.perPagina,
    };
  }

  /** The chosen filters as a query string (without the page): the key of a cached answer and of the page's links. */
  zoekdeel(): string {
    const f = this.filter();
    const paren: [string, string | undefined][] = [
      ['zoek', f.zoek],
      ['soort', f.soort],
      ['status', this.status],
      ['bewindspersoon', f.bewindspersoon],
      ['thema', f.thema],
      ['lid', f.lid],
      ['fractie', f.fractie],
      ['sorteer', this.sorteer],
      ['perPagina', this.perPagina === 25 ? undefined : String(this.perPagina)],
    ];
    return new URLSearchParams(paren.filter((p): p is [string, string] => !!p[1])).toString();
  }
}

export class OpenbareWijzigingenRequestDto {
  @QueryGetalVeld({ min: 1, max: 500, teGroot: 'mag hoogstens 500 zijn' }, { default: 100, minimum: 1, maximum: 500 })
  aantal = 100;
}

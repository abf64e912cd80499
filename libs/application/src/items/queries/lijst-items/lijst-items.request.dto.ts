import { ApiPropertyOptional } from '@nestjs/swagger';
import { RegisterFilter, SORTEERVELDEN, Sorteerveld } from '@register/read-models';
import { Transform } from 'class-transformer';
import { IsArray, IsIn, IsOptional, Matches } from 'class-validator';
import { OptioneleDatumVeld, OptioneleKeuzeVeld, QueryGetalVeld, VrijeTekstVeld } from '../../../http/dto/fields';
import { EXPORT_FORMATEN, ExportFormaat } from './register-export';

const STATUSSEN = ['open', 'InBehandeling', 'DeelsAfgedaan', 'Afgedaan', 'Vervallen'] as const;
const SORTERING = Object.keys(SORTEERVELDEN).flatMap((k) => [k, `-${k}`]);

export class LijstItemsRequestDto {
  @OptioneleKeuzeVeld(['motie', 'toezegging'], {}, 'moet motie of toezegging zijn')
  soort?: 'motie' | 'toezegging';

  @ApiPropertyOptional({ description: `Een of meer statussen, kommagescheiden: ${STATUSSEN.join(', ')} (open = in behandeling of deels afgedaan)`, example: 'open' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value))
  @IsArray({ message: 'moet een of meer statussen zijn' })
  @IsIn(STATUSSEN, { each: true, message: `moet bestaan uit ${STATUSSEN.join(', ')}` })
  status?: string[];

  @VrijeTekstVeld(200, {
    description:
      'Kamerlid (indiener, of aan wie de toezegging is gedaan), zonder hoofdletters en accenten vergeleken: een naam die het register zo kent kiest precies die, anders elke naam die het bevat (nisp → Van Nispen). Net zo voor fractie, bewindspersoon en thema.',
    example: 'nispen',
  })
  lid?: string;

  @VrijeTekstVeld(100, { example: 'VVD' })
  fractie?: string;

  @VrijeTekstVeld(200, { description: 'Bewindspersoon, of een deel ervan (minister → elke minister)', example: 'minister van Justitie en Veiligheid' })
  bewindspersoon?: string;

  @VrijeTekstVeld(200, { example: 'JenV' })
  ministerie?: string;

  @VrijeTekstVeld(200, { example: 'Politiepersoneel en middelen' })
  thema?: string;

  @VrijeTekstVeld(200, { description: 'De directie van de behandelaar, zonder hoofdletters vergeleken (zoals ministerie)', example: 'Directie Politie' })
  directie?: string;

  @VrijeTekstVeld(254, { description: 'Het e-mailadres van de behandelaar, zonder hoofdletters vergeleken: "Mijn items"', example: 'j.devries@example.org' })
  behandelaar?: string;

  @OptioneleDatumVeld({ description: 'Alleen open items waarvan de termijn vóór deze datum verliep', example: '2025-07-01' })
  achterstalligOp?: string;

  @VrijeTekstVeld(200, { description: 'Zoek in nummer, titel, tekst, alle voortgang en de leden met hun fractie; Nederlandse woordvormen (agent vindt ook agenten)', example: 'gezichtsherkenning' })
  zoek?: string;

  @OptioneleKeuzeVeld(SORTERING, { description: 'Sorteerveld; met - ervoor aflopend', example: '-termijn' })
  sorteer?: string;

  @QueryGetalVeld({ min: 1, max: 100_000, teGroot: 'is te groot' }, { default: 1, minimum: 1 })
  pagina = 1;

  @QueryGetalVeld({ min: 1, max: 200, teGroot: 'mag hoogstens 200 zijn' }, { default: 25, minimum: 1, maximum: 200 })
  perPagina = 25;

  @OptioneleKeuzeVeld(
    ['volledig', 'kort'],
    {
      default: 'volledig',
      description: 'kort: alleen wat een lijst toont (nummer, titel, leden, bewindspersoon, thema, status, termijn, …), zonder teksten, voortgang, afdoening en koppelingen',
    },
    'moet volledig of kort zijn',
  )
  weergave: 'volledig' | 'kort' = 'volledig';

  @OptioneleKeuzeVeld(
    EXPORT_FORMATEN,
    { description: 'csv of xlsx: alle rijen die aan de filters voldoen, in de gekozen volgorde, als bestand (pagina en perPagina tellen dan niet)' },
    'moet csv of xlsx zijn',
  )
  formaat?: ExportFormaat;

  @ApiPropertyOptional({ description: 'Wacht (hoogstens 5 s) tot het leesmodel deze positie heeft verwerkt: de positie uit het antwoord op een opdracht', example: '42' })
  @IsOptional()
  @Matches(/^\d{1,19}$/, { message: 'moet een positie zijn (een geheel getal)' })
  minimalePositie?: string;

  /** The filter as the register's query takes it. */
  registerFilter(): RegisterFilter {
    const { soort, status, lid, fractie, bewindspersoon, ministerie, thema, directie, behandelaar, achterstalligOp, zoek, pagina, perPagina } = this;
    return { soort, status, lid, fractie, bewindspersoon, ministerie, thema, directie, behandelaar, achterstalligOp, zoek, ...this.sorteerveld(), pagina, perPagina };
  }

  sorteerveld(): { sorteer?: Sorteerveld; aflopend: boolean } {
    if (!this.sorteer) return { aflopend: false };
    const aflopend = this.sorteer.startsWith('-');
    return { sorteer: (aflopend ? this.sorteer.slice(1) : this.sorteer) as Sorteerveld, aflopend };
  }
}

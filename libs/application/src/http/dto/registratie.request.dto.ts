import { termijn } from '../../items/commands/request-mapping';
import { DatumVeld, OptioneelObjectVeld, TekstVeld } from './fields';
import { TermijnDto } from './shared.request.dto';
import { LIMIET } from './validators';

/** What registering a motie and a toezegging have in common. */
export abstract class RegistratieRequestDto {
  @TekstVeld(LIMIET.kort, { example: 'Motie van het lid Boswijk over het verhalen van schade door vernielingen op relschoppers' })
  titel!: string;

  @TekstVeld(LIMIET.tekst, { example: 'verzoekt de regering praktische en juridische belemmeringen voor schadeverhaal weg te nemen', description: 'Het dictum van de motie, of de toezegging zoals gedaan' })
  tekst!: string;

  @DatumVeld({ example: '2025-05-28', description: 'Datum van indiening of aanneming (motie), of waarop de toezegging is gedaan' })
  datum!: string;

  @TekstVeld(LIMIET.kort, { example: 'tweeminutendebat Politie 28 mei 2025' })
  debat!: string;

  @TekstVeld(LIMIET.naam, { example: 'minister van Justitie en Veiligheid' })
  bewindspersoon!: string;

  @TekstVeld(LIMIET.naam, { example: 'JenV' })
  ministerie!: string;

  @TekstVeld(LIMIET.naam, { example: 'Demonstraties' })
  thema!: string;

  @OptioneelObjectVeld(TermijnDto)
  termijn?: TermijnDto;

  /** The fields every registration command has, as the domain takes them. */
  protected registratie() {
    const { titel, tekst, datum, debat, bewindspersoon, ministerie, thema } = this;
    return { titel, tekst, datum, debat, bewindspersoon, ministerie, thema, termijn: termijn(this.termijn) };
  }
}

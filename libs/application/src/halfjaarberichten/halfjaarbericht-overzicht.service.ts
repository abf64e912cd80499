import { Injectable } from '@nestjs/common';
import { HalfjaarberichtRow, OPEN_STATUSSEN, RegisterItem } from '@register/read-models';
import { DataSource, In, LessThanOrEqual, Not } from 'typeorm';
import { BijlageService } from './bijlage/bijlage.service';

const MAX_NIET_GEDEKT = 500;

/** The report as the clerk and the liaison read it: its items, what it leaves out, what changed since the last one. */
@Injectable()
export class HalfjaarberichtOverzichtService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly bijlagen: BijlageService,
  ) {}

  async lijst(): Promise<Omit<HalfjaarberichtRow, 'document'>[]> {
    const rows = await this.dataSource.getRepository(HalfjaarberichtRow).find({ order: { jaar: 'DESC', helft: 'DESC', titel: 'ASC' } });
    return rows.map(({ document: _d, ...rest }) => rest);
  }

  async overzicht(berichtId: string) {
    const row = await this.bijlagen.bericht(berichtId);
    const model = await this.bijlagen.model(berichtId);
    const gedekt = row.document.items.map((i) => i.itemId);

    // Open items registered by the peildatum that this report does not cover: what the Kamer will ask about.
    const open = this.dataSource.getRepository(RegisterItem);
    const waar = { status: In([...OPEN_STATUSSEN]), datum: LessThanOrEqual(row.peildatum), ...(gedekt.length ? { itemId: Not(In(gedekt)) } : {}) };
    const [nietGedekt, aantalNietGedekt] = await open.findAndCount({ where: waar, order: { termijnDatum: 'ASC', nummer: 'ASC' }, take: MAX_NIET_GEDEKT, select: { itemId: true, soort: true, nummer: true, titel: true, status: true, termijnDatum: true, bewindspersoon: true } });

    const vorige = (await this.dataSource.getRepository(HalfjaarberichtRow).find({ order: { jaar: 'DESC', helft: 'DESC' } })).find(
      (r) => r.berichtId !== row.berichtId && (r.jaar < row.jaar || (r.jaar === row.jaar && r.helft < row.helft)),
    );
    const vorigStatus = new Map((vorige?.document.items ?? []).map((i) => [i.itemId, i.status]));
    const hier = row.document.items;
    const vergelijking = vorige
      ? {
          vorigBericht: { berichtId: vorige.berichtId, titel: vorige.titel },
          nieuwAfgedaan: hier.filter((i) => i.status === 'afgedaan' && vorigStatus.get(i.itemId) !== 'afgedaan').map((i) => i.itemId),
          nieuw: hier.filter((i) => !vorigStatus.has(i.itemId)).map((i) => i.itemId),
          nogOpen: hier.filter((i) => i.status !== 'afgedaan' && vorigStatus.has(i.itemId)).map((i) => i.itemId),
          nietMeerGenoemd: [...vorigStatus.keys()].filter((id) => !hier.some((i) => i.itemId === id)),
        }
      : null;

    return {
      berichtId: row.berichtId,
      titel: row.titel,
      jaar: row.jaar,
      helft: row.helft,
      peildatum: row.peildatum,
      status: row.status,
      verzondenOp: row.verzondenOp,
      kenmerk: row.kenmerk,
      kamerstuk: row.kamerstuk,
      revisie: row.revisie,
      secties: row.document.secties,
      toezeggingen: model.toezeggingen,
      moties: model.moties,
      aanvullendeZaken: model.zaken,
      telling: model.telling,
      nietGedekt: { totaal: aantalNietGedekt, items: nietGedekt },
      vergelijking,
    };
  }
}

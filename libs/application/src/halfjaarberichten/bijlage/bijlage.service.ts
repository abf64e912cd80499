import { Injectable } from '@nestjs/common';
import { BerichtNietGevondenError } from '@register/domain';
import { HalfjaarberichtRow, RegisterItem } from '@register/read-models';
import { DataSource, In } from 'typeorm';
import { BijlageItem, BijlageModel, datumTekst, omschrijving, statuszin, vindplaats } from './bijlage.model';

type Momentopname = HalfjaarberichtRow['document']['momentopnamen'][number];

/**
 * Builds the annex of a report. A sent report uses only what it froze when it was sent, so its annex
 * comes out the same byte for byte whatever happens to the items later; a draft shows the items'
 * registration as it stands now.
 */
@Injectable()
export class BijlageService {
  constructor(private readonly dataSource: DataSource) {}

  async bericht(berichtId: string): Promise<HalfjaarberichtRow> {
    const row = await this.dataSource.getRepository(HalfjaarberichtRow).findOneBy({ berichtId });
    if (!row) throw new BerichtNietGevondenError(berichtId);
    return row;
  }

  async model(berichtId: string): Promise<BijlageModel> {
    const row = await this.bericht(berichtId);
    const doc = row.document;
    const details = new Map<string, Momentopname>();
    if (row.status === 'Verzonden') {
      for (const m of doc.momentopnamen) details.set(m.itemId, m);
    } else {
      const ids = doc.items.map((i) => i.itemId);
      const rows = ids.length ? await this.dataSource.getRepository(RegisterItem).findBy({ itemId: In(ids) }) : [];
      for (const r of rows) details.set(r.itemId, { itemId: r.itemId, soort: r.soort, nummer: r.nummer, nummerBron: r.nummerBron, vergaderjaar: r.vergaderjaar, titel: r.titel, leden: r.leden, datum: r.datum, debat: r.debat, bewindspersoon: r.bewindspersoon });
    }
    const meldDatum = datumTekst(row.verzondenOp ?? row.peildatum);
    const items = doc.items
      .filter((i) => details.has(i.itemId))
      .map((i) => {
        const d = details.get(i.itemId)!;
        const plaats = vindplaats(d);
        const zin = statuszin(i.soort, i.status, i.deel);
        const stand =
          i.status === 'afgedaan'
            ? `Afgedaan. De Kamer is op ${meldDatum} geïnformeerd met ${row.titel}${row.kenmerk ? ` (kenmerk ${row.kenmerk})` : ''}. ${i.tekst}`
            : `${i.status === 'deels-afgedaan' ? 'Deels afgedaan' : 'In behandeling'}. ${i.tekst}`;
        return { i, d, plaats, zin, stand };
      });
    // Within each list: in the order of the sections, then as they were added.
    const sectieVolgorde = (s: string) => doc.secties.indexOf(s);
    const lijst = (soort: 'motie' | 'toezegging'): BijlageItem[] =>
      items
        .filter((x) => x.i.soort === soort)
        .sort((a, b) => sectieVolgorde(a.i.sectie) - sectieVolgorde(b.i.sectie))
        .map((x, n) => ({
          volgnummer: n + 1,
          itemId: x.i.itemId,
          soort,
          nummer: x.d.nummer,
          titel: x.d.titel,
          omschrijving: omschrijving(x.d),
          leden: x.d.leden,
          vindplaats: x.plaats,
          sectie: x.i.sectie,
          tekst: x.i.tekst,
          status: x.i.status,
          statuszin: x.zin,
          standVanZaken: x.stand,
        }));
    const toezeggingen = lijst('toezegging');
    const moties = lijst('motie');
    const zaken = [...doc.zaken].sort((a, b) => sectieVolgorde(a.sectie) - sectieVolgorde(b.sectie)).map((z, n) => ({ volgnummer: n + 1, zaakId: z.zaakId, sectie: z.sectie, titel: z.titel, tekst: z.tekst }));
    const alle = [...toezeggingen, ...moties];
    return {
      berichtId: row.berichtId,
      titel: row.titel,
      peildatum: row.peildatum,
      peildatumTekst: datumTekst(row.peildatum),
      status: row.status,
      verzondenOp: row.verzondenOp,
      kenmerk: row.kenmerk,
      toezeggingen,
      moties,
      zaken,
      secties: doc.secties.map((naam) => ({ naam, items: alle.filter((i) => i.sectie === naam), zaken: zaken.filter((z) => z.sectie === naam) })).filter((s) => s.items.length + s.zaken.length > 0),
      telling: {
        afgedaan: alle.filter((i) => i.status === 'afgedaan').length,
        deelsAfgedaan: alle.filter((i) => i.status === 'deels-afgedaan').length,
        inBehandeling: alle.filter((i) => i.status === 'in-behandeling').length,
      },
    };
  }
}

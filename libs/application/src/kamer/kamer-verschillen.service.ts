import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { dagenTussen } from '@register/domain';
import { AppConfig, Clock, TK_ODATA_STANDAARD } from '@register/platform';
import { ImportBatchRow, KamerOnbekendRow, KamerStandRow, RegisterItem } from '@register/read-models';
import { DataSource, In } from 'typeorm';
import { voorstelSleutel } from '../importen/import.service';
import { isAangenomenSoort } from './kamer-motie';
import { kamerRecordUrl, nederlandseDatum, registerStatus } from './kamer-toezegging';

export const VERSCHIL_SOORTEN = ['afgedaan-hier-open-daar', 'open-hier-afgedaan-daar', 'vervallen-daar-open-hier', 'niet-aangenomen-bij-kamer', 'onbekend-bij-kamer', 'verwijderd-bij-kamer', 'niet-beoordeeld'] as const;
export type VerschilSoort = (typeof VERSCHIL_SOORTEN)[number];

export interface KamerVerschil {
  readonly soort: VerschilSoort;
  /** The day the difference began: the register's afdoening, the Kamer's nakoming, or when the register first read it. */
  readonly sinds: string;
  readonly dagen: number;
  readonly item: { readonly itemId: string; readonly nummer: string; readonly titel: string; readonly status: string } | null;
  /** Null for a number the Kamer does not know. */
  readonly kamer: { readonly kamerId: string; readonly entiteit: string; readonly nummer: string | null; readonly status: string | null; readonly datumNakoming: string | null; readonly url: string } | null;
  /** The proposal in the inbox this record made, if it is still open. */
  readonly voorstel: { readonly id: string; readonly batchId: string } | null;
}

const OPEN = new Set(['InBehandeling', 'DeelsAfgedaan']);

/**
 * Where the register and the Tweede Kamer disagree, worked out when asked (a projection cannot age:
 * "how long" is counted with today's date): the Kamer's side from `kamer_stand`, the register's from
 * `register_items`, matched by number, and the inbox's open proposals from `import_batches`.
 */
@Injectable()
export class KamerVerschillenService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly clock: Clock,
  ) {}

  async verschillen(): Promise<KamerVerschil[]> {
    const vandaag = this.clock.today();
    const basis = this.config.get('TK_ODATA_URL', { infer: true }) || TK_ODATA_STANDAARD;
    const termijn = this.config.get('TK_BEOORDEELTERMIJN', { infer: true });
    const stand = await this.dataSource.getRepository(KamerStandRow).find({ order: { nummer: 'ASC', kamerId: 'ASC' } });
    const { open: openVoorstellen, itemVan } = await this.inbox([...new Set(stand.map((k) => k.batchId))]);
    // The item a proposal of the record was accepted or merged into; else a toezegging (for a Besluit: the motie) under its number.
    const kolommen = { itemId: true, nummer: true, titel: true, status: true, afdoening: true, soort: true } as const;
    const opId = new Map<string, RegisterItem>();
    const opNummer = new Map<string, RegisterItem>();
    const ids = [...new Set(itemVan.values())];
    const nummers = [...new Set(stand.map((k) => k.nummer).filter((n): n is string => n !== null))];
    for (let i = 0; i < ids.length; i += 500) for (const r of await this.dataSource.getRepository(RegisterItem).find({ where: { itemId: In(ids.slice(i, i + 500)) }, select: kolommen })) opId.set(r.itemId, r);
    for (let i = 0; i < nummers.length; i += 500) for (const r of await this.dataSource.getRepository(RegisterItem).find({ where: { nummer: In(nummers.slice(i, i + 500)) }, select: kolommen })) opNummer.set(`${r.soort}:${r.nummer}`, r);
    const uit: KamerVerschil[] = [];
    for (const k of stand) {
      const gekoppeld = itemVan.get(k.kamerId);
      const r = (gekoppeld ? opId.get(gekoppeld) : undefined) ?? (k.nummer ? opNummer.get(`${k.entiteit === 'Besluit' ? 'motie' : 'toezegging'}:${k.nummer}`) : undefined);
      const kamer = { kamerId: k.kamerId, entiteit: k.entiteit, nummer: k.nummerKamer, status: k.status, datumNakoming: k.datumNakoming, url: kamerRecordUrl(basis, k.entiteit, k.kamerId) };
      const item = r ? { itemId: r.itemId, nummer: r.nummer, titel: r.titel, status: r.status } : null;
      const voorstel = k.voorstelId && openVoorstellen.has(`${k.batchId}.${k.voorstelId}`) ? { id: voorstelSleutel(k.batchId, k.voorstelId), batchId: k.batchId } : null;
      const gezien = dagVan(k.statusSinds);
      const verschil = (soort: VerschilSoort, sinds: string) => uit.push({ soort, sinds, dagen: Math.max(0, dagenTussen(sinds, vandaag)), item, kamer, voorstel });
      if (voorstel && !r && !k.verwijderd && dagenTussen(dagVan(k.gezienOp), vandaag) >= termijn) verschil('niet-beoordeeld', dagVan(k.gezienOp));
      if (!r) continue;
      const kamerStatus = registerStatus(k.status);
      const kamerOpen = k.status?.toLocaleLowerCase('nl') === 'openstaand';
      if (k.verwijderd) verschil('verwijderd-bij-kamer', gezien);
      // A motie in the register whose vote the Kamer now records as no adoption (a revote, a correction of the vote).
      else if (k.entiteit === 'Besluit') {
        if (!isAangenomenSoort(k.status)) verschil('niet-aangenomen-bij-kamer', gezien);
        continue;
      }
      else if (r.status === 'Afgedaan' && kamerOpen) verschil('afgedaan-hier-open-daar', r.afdoening?.datum ?? gezien);
      else if (OPEN.has(r.status) && kamerStatus === 'afgedaan') verschil('open-hier-afgedaan-daar', k.datumNakoming ?? gezien);
      else if (OPEN.has(r.status) && k.status?.toLocaleLowerCase('nl') === 'vervallen') verschil('vervallen-daar-open-hier', gezien);
    }
    // The register's TZ numbers the Kamer said it does not know.
    const gekoppeld = new Set(itemVan.values());
    const onbekend = await this.dataSource.getRepository(KamerOnbekendRow).find({ order: { nummer: 'ASC' } });
    for (let i = 0; i < onbekend.length; i += 500) {
      const deel = onbekend.slice(i, i + 500);
      const rijen = new Map((await this.dataSource.getRepository(RegisterItem).find({ where: { soort: 'toezegging', nummer: In(deel.map((o) => o.nummer)) }, select: kolommen })).map((r) => [r.nummer, r]));
      for (const o of deel) {
        const r = rijen.get(o.nummer);
        // Merged since with a record the Kamer does know (under the Kamer's number): no difference.
        if (!r || gekoppeld.has(r.itemId)) continue;
        const sinds = dagVan(o.gevraagdOp);
        uit.push({ soort: 'onbekend-bij-kamer', sinds, dagen: Math.max(0, dagenTussen(sinds, vandaag)), item: { itemId: r.itemId, nummer: r.nummer, titel: r.titel, status: r.status }, kamer: null, voorstel: null });
      }
    }
    const nummer = (v: KamerVerschil) => v.kamer?.nummer ?? v.item?.nummer ?? '';
    return uit.sort((a, b) => VERSCHIL_SOORTEN.indexOf(a.soort) - VERSCHIL_SOORTEN.indexOf(b.soort) || b.dagen - a.dagen || nummer(a).localeCompare(nummer(b)));
  }

  /** Of these batches: `<batchId>.<voorstelId>` of every proposal still open, and per Kamer record the item its proposal was last accepted or merged into. */
  private async inbox(batchIds: string[]): Promise<{ open: Set<string>; itemVan: Map<string, string> }> {
    const open = new Set<string>();
    const itemVan = new Map<string, string>();
    if (batchIds.length === 0) return { open, itemVan };
    const rijen = await this.dataSource.getRepository(ImportBatchRow).find({ where: { batchId: In(batchIds) }, select: { batchId: true, document: true } });
    for (const r of rijen) {
      for (const v of r.document.voorstellen) {
        if (v.afhandeling === 'open') open.add(`${r.batchId}.${v.voorstelId}`);
        if (v.kamer && v.itemId && (v.afhandeling === 'aanvaard' || v.afhandeling === 'samengevoegd')) itemVan.set(v.kamer.id, v.itemId);
      }
    }
    return { open, itemVan };
  }
}

/** The Dutch day of a moment the log recorded (UTC): an hour before midnight in the Netherlands is already the next day there. */
function dagVan(moment: string): string {
  return nederlandseDatum(moment) ?? moment.slice(0, 10);
}

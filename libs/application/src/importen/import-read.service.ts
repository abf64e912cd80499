import { Injectable } from '@nestjs/common';
import { ImportNietGevondenError } from '@register/domain';
import { ImportBatchRow, ProjectionRunner, VoorstelRegel } from '@register/read-models';
import { ConfigService } from '@nestjs/config';
import { AppConfig, TK_ODATA_STANDAARD } from '@register/platform';
import { DataSource, FindOptionsWhere, Not } from 'typeorm';
import { KAMER_FORMAAT, kamerRecordUrl } from '../kamer/kamer-toezegging';
import { voorstelSleutel } from './import.service';
import { ImportDetailDto, ImportSamenvattingDto, VoorstelResponseDto } from './import.response.dto';

/** The inbox as the clerk reads it, from the `importen` read model. */
@Injectable()
export class ImportReadService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: ProjectionRunner,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  /** Where a Kamer proposal's record is read: the configured Gegevensmagazijn. */
  private kamerBasis(): string {
    return this.config.get('TK_ODATA_URL', { infer: true }) || TK_ODATA_STANDAARD;
  }

  positie(): string {
    return this.runner.position().toString();
  }

  async lijst(): Promise<ImportSamenvattingDto[]> {
    // The summary columns only: a batch's document (all its proposals) is read for its own page.
    const rows = await this.dataSource.getRepository(ImportBatchRow).find({
      select: { batchId: true, bestandsnaam: true, formaat: true, sha256: true, bytes: true, ingelezenDoor: true, ingelezenOp: true, datum: true, referentie: true, aantal: true, open: true },
      order: { ingelezenOp: 'DESC', batchId: 'ASC' },
    });
    return rows.map(samenvatting);
  }

  async een(batchId: string): Promise<Omit<ImportDetailDto, 'positie'>> {
    const repo = this.dataSource.getRepository(ImportBatchRow);
    const row = await repo.findOne({ where: { batchId }, select: { ...Object.fromEntries(repo.metadata.columns.map((c) => [c.propertyName, true])) } });
    if (!row) throw new ImportNietGevondenError(batchId);
    const d = row.document;
    return {
      ...samenvatting(row),
      brief: d.brief,
      waarschuwingen: d.waarschuwingen,
      aanvullendeZaken: d.aanvullendeZaken,
      alBekend: d.alBekend,
      voorstellen: d.voorstellen.map((v) => voorstelDto(row.batchId, v, this.kamerBasis())),
      regels: row.regels ?? [],
    };
  }

  /** One page of the proposals across imports (oldest import first); batches with nothing open are skipped when asking for open ones. */
  async voorstellen(filter: { status?: string; bron?: string; pagina: number; perPagina: number }): Promise<{ voorstellen: VoorstelResponseDto[]; totaal: number }> {
    const repo = this.dataSource.getRepository(ImportBatchRow);
    const ids = await repo.find({ select: { batchId: true, open: true }, where: bronFilter(filter.bron), order: { ingelezenOp: 'ASC', batchId: 'ASC' } });
    const alle: VoorstelResponseDto[] = [];
    for (const { batchId, open } of ids) {
      if (filter.status === 'open' && open === 0) continue;
      const row = await repo.findOne({ where: { batchId }, select: { batchId: true, document: true } });
      if (!row) continue;
      alle.push(...row.document.voorstellen.filter((v) => !filter.status || v.afhandeling === filter.status).map((v) => voorstelDto(row.batchId, v, this.kamerBasis())));
    }
    const start = (filter.pagina - 1) * filter.perPagina;
    return { voorstellen: alle.slice(start, start + filter.perPagina), totaal: alle.length };
  }
}

/** A batch by its id, or every batch of one kind: the Kamer link's batch is the one whose format is `odata`. */
function bronFilter(bron: string | undefined): FindOptionsWhere<ImportBatchRow> {
  if (!bron) return {};
  if (bron === 'tweede-kamer') return { formaat: KAMER_FORMAAT };
  if (bron === 'document') return { formaat: Not(KAMER_FORMAAT) };
  return { batchId: bron.toLowerCase() };
}

function samenvatting(row: ImportBatchRow): ImportSamenvattingDto {
  return {
    batchId: row.batchId,
    bestandsnaam: row.bestandsnaam,
    formaat: row.formaat,
    sha256: row.sha256,
    bytes: row.bytes,
    ingelezenDoor: row.ingelezenDoor,
    ingelezenOp: row.ingelezenOp,
    datum: row.datum,
    referentie: row.referentie,
    aantal: row.aantal,
    open: row.open,
  };
}

function voorstelDto(batchId: string, v: VoorstelRegel, kamerBasis: string): VoorstelResponseDto {
  return {
    id: voorstelSleutel(batchId, v.voorstelId),
    batchId,
    voorstelId: v.voorstelId,
    soortVoorstel: v.match ? 'statuswijziging' : 'registratie',
    gegevens: { ...v.gegevens, leden: v.gegevens.leden.map((l) => ({ naam: l.naam, fractie: l.fractie })) },
    match: v.match,
    waarschuwingen: [...v.waarschuwingen],
    correcties: v.correcties ? { ...v.correcties } : null,
    kamer: v.kamer ? { entiteit: v.kamer.entiteit, id: v.kamer.id, status: v.kamer.status, url: kamerRecordUrl(kamerBasis, v.kamer.entiteit, v.kamer.id) } : null,
    afhandeling: v.afhandeling,
    itemId: v.itemId,
    reden: v.reden,
    stappen: v.stappen,
    gewijzigdeVelden: v.gewijzigdeVelden,
    afgehandeldDoor: v.afgehandeldDoor,
    afgehandeldOp: v.afgehandeldOp,
  };
}

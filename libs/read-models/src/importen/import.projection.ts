import { ImportEvent, Voorstel, leesImportEvent } from '@register/domain';
import { StoredEvent } from '@register/event-store';
import { EntityManager, In } from 'typeorm';
import { Projection } from '../projections/projection';
import { ImportBatchRow, VoorstelRegel } from './import-batch.entity';

/** The clerk's inbox: every import batch with its proposals and what became of them. */
export class ImportProjection implements Projection {
  readonly name = 'importen';
  readonly version = 1;
  readonly eventTypePrefixes = ['Import'];

  handles(eventType: string): boolean {
    return eventType.startsWith('Import');
  }

  async applyBatch(events: readonly StoredEvent[], manager: EntityManager): Promise<void> {
    const ids = [...new Set(events.map((e) => (e.data as { batchId: string }).batchId))];
    const rows = new Map((await manager.find(ImportBatchRow, { where: { batchId: In(ids) } })).map((r) => [r.batchId, r]));
    const changed = new Set<string>();
    for (const stored of events) {
      const event = leesImportEvent(stored);
      if (!event) continue;
      const id = event.data.batchId;
      const row = rows.get(id);
      if (row && stored.revision <= row.revisie) continue;
      const next = apply(row, event, stored);
      if (next) {
        rows.set(id, next);
        changed.add(id);
      }
    }
    for (const id of changed) {
      const row = rows.get(id)!;
      // `regels` is not selected when rows are read: a row read back is updated without it, a new one inserted whole.
      if (row.regels === undefined) {
        await manager.update(ImportBatchRow, { batchId: id }, { document: row.document, open: row.open, revisie: row.revisie });
      } else {
        await manager.save(ImportBatchRow, row);
      }
    }
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM import_batches');
  }
}

function nieuw(v: Voorstel): VoorstelRegel {
  return { ...structuredClone(v), afhandeling: 'open', itemId: null, reden: null, stappen: [], gewijzigdeVelden: [], afgehandeldDoor: null, afgehandeldOp: null };
}

function apply(row: ImportBatchRow | undefined, event: ImportEvent, stored: StoredEvent): ImportBatchRow | undefined {
  const revisie = stored.revision;
  if (event.feit === 'ImportIngelezen') {
    const d = event.data;
    return Object.assign(new ImportBatchRow(), {
      batchId: d.batchId,
      bestandsnaam: d.bron.bestandsnaam,
      formaat: d.bron.formaat,
      sha256: d.bron.sha256,
      bytes: d.bron.bytes,
      ingelezenDoor: String(stored.metadata.actor),
      ingelezenOp: String(stored.metadata.recordedAt),
      datum: d.standaard.datum,
      referentie: d.standaard.referentie,
      aantal: d.voorstellen.length,
      open: d.voorstellen.length,
      document: {
        brief: { ...d.brief },
        standaard: { ...d.standaard },
        waarschuwingen: [...d.waarschuwingen],
        aanvullendeZaken: d.aanvullendeZaken.map((z) => ({ ...z })),
        alBekend: d.alBekend,
        voorstellen: d.voorstellen.map(nieuw),
      },
      regels: [...d.regels],
      revisie,
    } satisfies ImportBatchRow);
  }
  if (!row) return undefined;
  const document = structuredClone(row.document);
  if (event.feit === 'ImportKamerPaginaVerwerkt') {
    const d = event.data;
    for (const v of d.voorstellen) document.voorstellen.push(nieuw(v));
    for (const { voorstelId } of d.vervangen) {
      const oud = document.voorstellen.find((v) => v.voorstelId === voorstelId);
      if (oud && oud.afhandeling === 'open') Object.assign(oud, { afhandeling: 'vervangen', afgehandeldDoor: String(stored.metadata.actor), afgehandeldOp: String(stored.metadata.recordedAt) });
    }
    for (const voorstelId of d.ingetrokken ?? []) {
      const oud = document.voorstellen.find((v) => v.voorstelId === voorstelId);
      if (oud && oud.afhandeling === 'open') Object.assign(oud, { afhandeling: 'ingetrokken', afgehandeldDoor: String(stored.metadata.actor), afgehandeldOp: String(stored.metadata.recordedAt) });
    }
    document.alBekend += d.alBekend;
    return Object.assign(new ImportBatchRow(), row, { document, revisie, aantal: document.voorstellen.length, open: document.voorstellen.filter((v) => v.afhandeling === 'open').length });
  }
  const voorstel = document.voorstellen.find((v) => v.voorstelId === event.data.voorstelId);
  if (!voorstel) return undefined;
  const afgehandeld = (v: VoorstelRegel) => Object.assign(v, { afgehandeldDoor: String(stored.metadata.actor), afgehandeldOp: String(stored.metadata.recordedAt) });
  switch (event.feit) {
    case 'ImportVoorstelBesloten':
      // Shown as in progress until its steps are done; who decided is who accepts.
      afgehandeld(Object.assign(voorstel, { afhandeling: 'besloten', itemId: event.data.itemId }));
      break;
    case 'ImportVoorstelAanvaard':
      afgehandeld(Object.assign(voorstel, { afhandeling: 'aanvaard', itemId: event.data.itemId, gegevens: structuredClone(event.data.gegevens), stappen: [...event.data.stappen], gewijzigdeVelden: [...event.data.gewijzigdeVelden] }));
      break;
    case 'ImportVoorstelSamengevoegd':
      afgehandeld(Object.assign(voorstel, { afhandeling: 'samengevoegd', itemId: event.data.itemId, stappen: [...event.data.stappen] }));
      break;
    case 'ImportVoorstelAfgewezen':
      afgehandeld(Object.assign(voorstel, { afhandeling: 'afgewezen', reden: event.data.reden }));
      break;
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
  // A row read back has no `regels` (not selected); one made in this batch keeps them for its insert.
  return Object.assign(new ImportBatchRow(), row, { document, revisie, open: document.voorstellen.filter((v) => v.afhandeling === 'open').length });
}

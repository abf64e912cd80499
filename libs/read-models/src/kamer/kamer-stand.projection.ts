import { leesImportEvent } from '@register/domain';
import { StoredEvent } from '@register/event-store';
import { EntityManager, In } from 'typeorm';
import { Projection } from '../projections/projection';
import { KamerOnbekendRow, KamerStandRow } from './kamer-stand.entity';

/**
 * The Kamer's side of the discrepancies: per Kamer record the latest version the link read, with
 * since when its status stands. Keyed by the record, so applying a page twice leaves the rows as
 * they were; a version that changes nothing the row shows keeps its dates.
 */
export class KamerStandProjection implements Projection {
  readonly name = 'kamer';
  readonly version = 1;
  readonly eventTypePrefixes = ['ImportKamer'];

  handles(eventType: string): boolean {
    return eventType === 'ImportKamerPaginaVerwerkt';
  }

  async applyBatch(events: readonly StoredEvent[], manager: EntityManager): Promise<void> {
    const ids = [...new Set(events.flatMap((e) => (e.type === 'ImportKamerPaginaVerwerkt' ? ((e.data as { bekend?: { kamerId: string }[] }).bekend ?? []).map((k) => k.kamerId) : [])))];
    const rijen = new Map<string, KamerStandRow>();
    for (let i = 0; i < ids.length; i += 500) for (const r of await manager.find(KamerStandRow, { where: { kamerId: In(ids.slice(i, i + 500)) } })) rijen.set(r.kamerId, r);
    const gewijzigd = new Set<string>();
    for (const stored of events) {
      const event = leesImportEvent(stored);
      if (event?.feit !== 'ImportKamerPaginaVerwerkt') continue;
      const op = String(stored.metadata.recordedAt);
      for (const nummer of event.data.onbekend ?? []) {
        // Keyed by the number: asked again, the first asking stands.
        const er = await manager.findOne(KamerOnbekendRow, { where: { nummer } });
        if (!er) await manager.insert(KamerOnbekendRow, { nummer, batchId: event.data.batchId, gevraagdOp: op });
      }
      const gevonden = event.data.bekend.map((k) => k.registerNummer).filter((n): n is string => !!n);
      if (gevonden.length > 0) await manager.delete(KamerOnbekendRow, { nummer: In(gevonden) });
      for (const k of event.data.bekend) {
        const eerder = rijen.get(k.kamerId);
        // Read again from an older page (a rebuild goes in order, so only a replayed batch does this): keep the newer.
        if (eerder && eerder.apiGewijzigdOp > k.apiGewijzigdOp) continue;
        rijen.set(k.kamerId, {
          kamerId: k.kamerId,
          entiteit: k.entiteit,
          nummerKamer: k.nummer,
          nummer: k.registerNummer ?? null,
          status: k.status,
          datumNakoming: k.datumNakoming ?? null,
          ministerie: k.ministerie,
          verwijderd: k.verwijderd,
          apiGewijzigdOp: k.apiGewijzigdOp,
          statusSinds: eerder && eerder.status === k.status && eerder.verwijderd === k.verwijderd ? eerder.statusSinds : op,
          gezienOp: eerder?.gezienOp ?? op,
          batchId: event.data.batchId,
          voorstelId: k.voorstelId ?? eerder?.voorstelId ?? null,
        });
        gewijzigd.add(k.kamerId);
      }
    }
    const lijst = [...gewijzigd].map((id) => rijen.get(id)!);
    for (let i = 0; i < lijst.length; i += 200) await manager.save(KamerStandRow, lijst.slice(i, i + 200));
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM kamer_stand');
    await manager.query('DELETE FROM kamer_onbekend');
  }
}

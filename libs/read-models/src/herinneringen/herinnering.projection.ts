import { HERINNERING_CATEGORIE, leesHerinneringEvent } from '@register/domain';
import { StoredEvent } from '@register/event-store';
import { EntityManager } from 'typeorm';
import { Projection } from '../projections/projection';
import { HerinneringItemRow, HerinneringRow } from './herinnering.entity';

/**
 * The reminders as auditors look them up: per digest its recipient, period, counts and outcome, and
 * per listed item whether it was overdue or falling due. One stream per digest, so it may be rebuilt
 * stream by stream; every write is keyed by the digest (and item), so applying an event twice leaves
 * the rows as they were.
 */
export class HerinneringProjection implements Projection {
  readonly name = 'herinneringen';
  readonly version = 1;
  readonly categories = [HERINNERING_CATEGORIE];
  readonly eventTypePrefixes = ['Herinnering'];

  handles(eventType: string): boolean {
    return eventType.startsWith('Herinnering');
  }

  async applyBatch(events: readonly StoredEvent[], manager: EntityManager): Promise<void> {
    for (const stored of events) {
      const event = leesHerinneringEvent(stored);
      if (!event) continue;
      switch (event.feit) {
        case 'HerinneringVoorbereid': {
          const d = event.data;
          const rij: HerinneringRow = {
            herinneringId: d.herinneringId,
            soort: d.soort,
            periode: d.periode,
            datum: d.datum,
            email: d.ontvanger.email,
            naam: d.ontvanger.naam,
            bewindspersoon: d.bewindspersoon,
            onderwerp: d.onderwerp,
            messageId: d.messageId,
            status: 'Voorbereid',
            pogingen: 0,
            blijvend: false,
            reden: null,
            smtpAntwoord: null,
            hervat: false,
            voorbereidOp: stored.metadata.recordedAt,
            verstuurdOp: null,
            aantalAchterstallig: d.inhoud.aantalAchterstallig,
            aantalBinnenkort: d.inhoud.aantalBinnenkort,
          };
          await manager.delete(HerinneringItemRow, { herinneringId: d.herinneringId });
          await manager.delete(HerinneringRow, { herinneringId: d.herinneringId });
          await manager.insert(HerinneringRow, rij);
          const items = new Map<string, HerinneringItemRow>();
          for (const i of d.inhoud.achterstallig) items.set(i.itemId, { herinneringId: d.herinneringId, itemId: i.itemId, achterstallig: true, termijnDatum: i.termijnDatum });
          for (const i of d.inhoud.binnenkort) items.set(i.itemId, { herinneringId: d.herinneringId, itemId: i.itemId, achterstallig: false, termijnDatum: i.termijnDatum });
          const lijst = [...items.values()];
          for (let i = 0; i < lijst.length; i += 200) await manager.insert(HerinneringItemRow, lijst.slice(i, i + 200));
          break;
        }
        case 'HerinneringVerstuurd':
          await manager.update(
            HerinneringRow,
            { herinneringId: event.data.herinneringId },
            { status: 'Verstuurd', pogingen: event.data.poging, smtpAntwoord: event.data.smtpAntwoord, hervat: event.data.hervat, verstuurdOp: stored.metadata.recordedAt },
          );
          break;
        case 'HerinneringMislukt':
          await manager.update(HerinneringRow, { herinneringId: event.data.herinneringId }, { status: 'Mislukt', pogingen: event.data.poging, reden: event.data.reden, blijvend: event.data.blijvend });
          break;
        default: {
          const unreachable: never = event;
          return unreachable;
        }
      }
    }
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM herinnering_items');
    await manager.query('DELETE FROM herinneringen');
  }
}

import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** The hash of the first event's predecessor in every stream, and of the first event's in the log. */
export const GENESIS = '0'.repeat(64);

/**
 * Each event's hash covers the previous event's hash in its stream and a canonical serialisation of
 * the event itself, metadata included: changing, removing or reordering any event breaks every link
 * after it.
 */
export function eventHash(previous: string, event: { stream: string; revision: number; eventId: string; type: string; data: unknown; metadata: unknown }): string {
  return createHash('sha256')
    .update(previous)
    .update('\n')
    .update(canonicalJson({ stream: event.stream, revision: event.revision, eventId: event.eventId, type: event.type, data: event.data, metadata: event.metadata }))
    .digest('hex');
}

/**
 * The log chain: each event's link covers the previous event's link in the whole log (in position
 * order) and the event's own stream hash. A stream chain alone cannot tell that a whole stream, or
 * the tail of one, is gone, or that an edit was followed by recomputing that stream's later hashes;
 * the log chain can, and its head is what an anchor kept outside the database pins down.
 */
export function logLink(previous: string, streamHash: string): string {
  return createHash('sha256').update(previous).update('\n').update(streamHash).digest('hex');
}

export interface VerificationProblem {
  readonly stream: string;
  readonly revision: number;
  readonly reden: string;
  /** The event's global position, where the problem is at one event. */
  readonly positie?: string;
}

/**
 * A point of the log chain to keep outside the database (in the minutes of a report, a ticket, a
 * mail to the auditor): a later verification `--tegen` it proves the log still contains exactly
 * this history up to there.
 */
export interface Anker {
  readonly positie: string;
  /** Events up to and including `positie`. */
  readonly aantal: number;
  readonly keten: string;
}

export interface VerificationReport {
  readonly streams: number;
  readonly events: number;
  /** The first broken link of each damaged stream, and the first break of the log chain. */
  readonly problemen: VerificationProblem[];
  /** The head of the log chain: an anchor for a later check. Absent for an empty log. */
  readonly kop?: Anker;
  /** When checked against an anchor: whether the log still extends it. */
  readonly anker?: { readonly anker: Anker; readonly voortgezet: boolean; readonly reden?: string };
}

/** One event as it is stored, with both of its hashes. */
export interface ChainedEvent {
  readonly positie: string;
  readonly stream: string;
  readonly revisie: number;
  readonly eventId: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly hash: string | null;
  readonly keten: string | null;
  /** Its stored data or metadata is no longer valid JSON. */
  readonly onleesbaar?: boolean;
}

const ANKER = /^mtr-anker:1:(\d+):(\d+):([0-9a-f]{64})$/;

export function ankerTekst(anker: Anker): string {
  return `mtr-anker:1:${anker.positie}:${anker.aantal}:${anker.keten}`;
}

export function leesAnker(tekst: string): Anker {
  const m = ANKER.exec(tekst.trim());
  if (!m) throw new Error('Dit is geen anker van het register (verwacht: mtr-anker:1:<positie>:<aantal>:<64 hexadecimale tekens>, zoals verifieren --anker het geeft).');
  return { positie: m[1], aantal: Number(m[2]), keten: m[3] };
}

/**
 * Checks stored events, fed in position order, against both chains. Every link is checked against
 * the stored hashes of its predecessors, so one altered event is reported once (where it breaks)
 * and the rest of the log is still checked. The one check the store, the export and the import use.
 */
export class Ketencontrole {
  private readonly streams = new Map<string, { revisie: number; hash: string; gebroken: boolean }>();
  private readonly problemen: VerificationProblem[] = [];
  private vorigeKeten = GENESIS;
  private ketenGebroken = false;
  private aantal = 0;
  private kop?: Anker;
  private ankerGezien = false;

  /**
   * `zonderLogketen`: for exports made before the log chain existed, and for KurrentDB, which stores no
   * log links (see kurrentdb/stream-hash.ts): only the stream chains are checked, and the log chain is
   * laid over the stored stream hashes as they come, so its head is still an anchor and an anchor is
   * still checked.
   */
  constructor(
    private readonly anker?: Anker,
    private readonly zonderLogketen = false,
  ) {}

  /** Checks one event; answers the problem it found (undefined when its links hold). */
  controleer(e: ChainedEvent): VerificationProblem | undefined {
    this.aantal++;
    const stroom = this.streams.get(e.stream);
    const verwacht = stroom ? stroom.revisie + 1 : 0;
    let probleem = stroom?.gebroken ? undefined : this.streamProbleem(e, verwacht, stroom?.hash ?? GENESIS);
    if (probleem) this.problemen.push(probleem);
    this.streams.set(e.stream, { revisie: e.revisie, hash: e.hash ?? '', gebroken: (stroom?.gebroken ?? false) || probleem !== undefined });

    const link = logLink(this.vorigeKeten, e.hash ?? '');
    if (!this.zonderLogketen && !this.ketenGebroken && e.keten !== link) {
      const ketenProbleem: VerificationProblem = {
        stream: e.stream,
        revision: e.revisie,
        positie: e.positie,
        reden:
          e.keten === null
            ? 'het event heeft geen schakel in de logketen'
            : 'de logketen breekt hier: een event ervoor is verwijderd of vervangen, of de hashes van een stream zijn opnieuw berekend',
      };
      this.problemen.push(ketenProbleem);
      this.ketenGebroken = true;
      probleem ??= ketenProbleem;
    }
    this.vorigeKeten = this.zonderLogketen ? link : (e.keten ?? GENESIS);
    this.kop = { positie: e.positie, aantal: this.aantal, keten: this.vorigeKeten };
    // By count, not position: an import into a new store may number positions differently, the
    // order and so the chain stay the same.
    // Against the link as checked (or, without a stored chain, as computed here), never against a
    // stored value nobody checked.
    if (this.anker && this.aantal === this.anker.aantal) this.ankerGezien = this.vorigeKeten === this.anker.keten;
    return probleem;
  }

  /**
   * The report, once every event was fed. `recorded`: each stream's revision as the store's own
   * index says it, so that a stream that lost its tail, or all of its events, is named.
   */
  rapport(recorded?: ReadonlyMap<string, number>): VerificationReport {
    const problemen = [...this.problemen];
    if (recorded) {
      for (const [stream, gezien] of this.streams) {
        if (!recorded.has(stream)) problemen.push({ stream, revision: gezien.revisie, reden: 'de stream ontbreekt in de index van streams: elke nieuwe wijziging erop zou worden geweigerd' });
      }
    }
    for (const [stream, revisie] of recorded ?? []) {
      const gezien = this.streams.get(stream);
      if (!gezien) problemen.push({ stream, revision: 0, reden: `alle ${revisie + 1} events van de stream ontbreken` });
      else if (!gezien.gebroken && gezien.revisie !== revisie) {
        problemen.push({ stream, revision: gezien.revisie + 1, reden: `de stream hoort tot revisie ${revisie} te lopen, maar eindigt bij ${gezien.revisie}: er ontbreken events` });
      }
    }
    const anker = this.anker ? { anker: this.anker, voortgezet: this.ankerGezien && !this.ketenGebroken, ...(this.ankerReden() ? { reden: this.ankerReden() } : {}) } : undefined;
    return { streams: this.streams.size, events: this.aantal, problemen, ...(this.kop ? { kop: this.kop } : {}), ...(anker ? { anker } : {}) };
  }

  private ankerReden(): string | undefined {
    if (!this.anker) return undefined;
    if (this.ankerGezien && !this.ketenGebroken) return undefined;
    if (this.ankerGezien) return 'het anker staat nog in het log, maar de logketen breekt';
    if (this.aantal < this.anker.aantal) return `het log heeft ${this.aantal} events, minder dan de ${this.anker.aantal} van het anker: er zijn events aan het eind verwijderd`;
    return `het ${this.anker.aantal}e event (positie ${this.anker.positie} in het anker) heeft niet meer de schakel van het anker: de geschiedenis tot daar is herschreven`;
  }

  private streamProbleem(e: ChainedEvent, verwacht: number, vorige: string): VerificationProblem | undefined {
    const bij = (reden: string, revision = e.revisie): VerificationProblem => ({ stream: e.stream, revision, positie: e.positie, reden });
    if (e.revisie !== verwacht) return bij(`revisie ${verwacht} ontbreekt (de volgende is ${e.revisie})`, verwacht);
    if (e.hash === null) return bij('het event heeft geen hash');
    if (e.onleesbaar) return bij('de inhoud is geen geldige JSON meer');
    const hash = eventHash(vorige, { stream: e.stream, revision: e.revisie, eventId: e.eventId, type: e.type, data: e.data, metadata: e.metadata });
    if (hash !== e.hash) return bij('de inhoud past niet bij de opgeslagen hash: het event is gewijzigd');
    return undefined;
  }
}

import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  HerinneringAlVerstuurdError,
  HerinneringAlVoorbereidError,
  HerinneringCommand,
  HerinneringState,
  HerinneringVoorbereidData,
  decideHerinnering,
  evolveHerinnering,
  herinneringStream,
  initialHerinneringState,
  leesHerinneringEvent,
  magVersturen,
} from '@register/domain';
import { EVENT_STORE, EventStore, StoredEvent } from '@register/event-store';
import { AppConfig, magHerinneringKrijgen, parseBewindspersoonAdressen } from '@register/platform';
import { ProjectionLease, ProjectionRunner, RegisterQuery } from '@register/read-models';
import { runSlot } from '../run-slot';
import { setImmediate as beurt } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { v5 as uuidv5 } from 'uuid';
import { CommandMetadata } from '../command-metadata';
import { ItemEventStore } from '../items/item-event-store';
import { voerStreamCommandUit } from '../stream-command';
import { HerinneringOpzet, HerinneringRij, behandelaarHerinneringen, bewindspersoonOverzicht, dagenNa, weekdag } from './herinnering-lijsten';
import { herinneringMail, herinneringOnderwerp } from './herinnering-mail';
import { MailFout, MailVerzender } from './mail-verzender';
import { webAdres } from '../web-adres';

/** Namespace of reminder ids: one per recipient, kind and period, the same in every run. */
const HERINNERING_NAMESPACE = '0c5e2f7a-1d4b-4e8a-9f36-6b2d8c1a7e90';
/** How long a run waits for the register to catch up with the log before it gives up. */
const WACHT_OP_REGISTER_MS = 30_000;

/** An office may serve two bewindspersonen: their summaries are two reminders, each its own. */
export function herinneringId(soort: string, periode: string, email: string, bewindspersoon: string | null = null): string {
  const wie = `${email.trim().toLowerCase()}${bewindspersoon ? `|${bewindspersoon.trim().toLowerCase()}` : ''}`;
  return uuidv5(`${soort}|${periode}|${wie}`, HERINNERING_NAMESPACE);
}

export interface HerinneringFout {
  readonly email: string;
  readonly soort: 'behandelaar' | 'bewindspersoon';
  readonly reden: string;
  readonly blijvend: boolean;
}

/** What one run did. Every digest is in exactly one of the counts. */
export interface HerinneringenResultaat {
  readonly datum: string;
  /** False: no SMTP_URL, nothing was looked at. */
  readonly aan: boolean;
  /** Another run (another instance, the CLI) held the run's lock: this one did nothing. */
  readonly bezet: boolean;
  readonly melding: string;
  readonly totaal: number;
  readonly verstuurd: number;
  /** Of those sent now: mails recorded by an interrupted run and sent by this one. */
  readonly hervat: number;
  /** Sent before (an earlier run this day or week): not again. */
  readonly alVerstuurd: number;
  readonly mislukt: number;
  /** Refused for good earlier in the period: not tried again until the next one. */
  readonly eerderGeweigerd: number;
  /** Not tried: the run stopped when the mail server could not be reached. */
  readonly nietGeprobeerd: number;
  readonly fouten: readonly HerinneringFout[];
  /** The mail server could not be reached or refused the session: the run stopped there. */
  readonly serverFout: string | null;
  /** The run's lock was lost (its PostgreSQL session broke): the run stopped, so as never to send beside another. */
  readonly onderbroken: string | null;
  /** Owners whose address lies outside HERINNERING_DOMEINEN: told nothing, and nothing recorded. */
  readonly buitenDomeinen: readonly string[];
  /** The log's head after the run: pass it as minimalePositie to see the run in GET /api/herinneringen. */
  readonly positie: string;
}

export interface HerinneringenOpties {
  /** Called after each digest: how many are done of how many. */
  readonly voortgang?: (gedaan: number, totaal: number) => void;
}

type Geladen = { readonly state: HerinneringState; readonly revision: number; readonly events: readonly StoredEvent[] };

/**
 * The reminder run: every owner's digest for the day and, from the configured weekday on, each
 * bewindspersoon's office's weekly summary. One run at a time (a lock of its own, on the read-model
 * database or in the data directory), so that a run never sends what another is sending. Per
 * digest: what it says is recorded first (HerinneringVoorbereid, with its Message-ID), then it is
 * sent, then the SMTP server's answer is recorded. A run that finds a recorded digest without an
 * answer (an earlier run was killed in between) sends that recorded mail, with the same
 * Message-ID: exactly once unless the kill fell between the server's acceptance and the record of
 * it, when the owner may get a second copy of the same message, which mail programs show as one.
 */
@Injectable()
export class HerinneringenService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly items: ItemEventStore,
    private readonly query: RegisterQuery,
    private readonly runner: ProjectionRunner,
    private readonly dataSource: DataSource,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  async verstuur(datum: string, meta: CommandMetadata, opties: HerinneringenOpties = {}): Promise<HerinneringenResultaat> {
    const resultaat = await this.verstuurOnderSlot(datum, meta, opties);
    return { ...resultaat, positie: (await this.store.headPosition()).toString() };
  }

  private async verstuurOnderSlot(datum: string, meta: CommandMetadata, opties: HerinneringenOpties): Promise<Omit<HerinneringenResultaat, 'positie'>> {
    const leeg = { datum, totaal: 0, verstuurd: 0, hervat: 0, alVerstuurd: 0, mislukt: 0, eerderGeweigerd: 0, nietGeprobeerd: 0, fouten: [], serverFout: null, onderbroken: null, buitenDomeinen: [] };
    const smtpUrl = this.config.get('SMTP_URL', { infer: true });
    if (!smtpUrl) return { ...leeg, aan: false, bezet: false, melding: 'SMTP_URL is niet gezet: er worden geen herinneringen verstuurd.' };
    const lease = this.lease();
    if (!(await lease.tryAcquire())) {
      // Trying opened a session of its own (PostgreSQL): closed again, not left to a server time-out.
      await lease.release();
      return { ...leeg, aan: true, bezet: true, melding: 'Er loopt al een verzending van herinneringen (op een andere instantie of via de opdrachtregel); deze doet niets.' };
    }
    // Another instance may take the lock once this one's is gone: from then on this run sends nothing more.
    const slot = { verloren: null as string | null };
    lease.onLost((reden) => (slot.verloren = reden));
    const verzender = new MailVerzender(smtpUrl, this.config.get('SMTP_AFZENDER', { infer: true })!);
    try {
      await this.wachtOpRegister();
      const { opzetten, buiten } = this.binnenDomeinen(await this.opzetten(datum));
      const resultaat = await this.verstuurAlle(datum, opzetten, verzender, meta, opties, slot, lease);
      if (buiten.length === 0) return { ...resultaat, buitenDomeinen: [] };
      return { ...resultaat, buitenDomeinen: buiten, melding: `${resultaat.melding} Niet verstuurd aan ${buiten.length} ${buiten.length === 1 ? 'adres' : 'adressen'} buiten HERINNERING_DOMEINEN.` };
    } finally {
      verzender.sluit();
      await lease.release();
    }
  }

  /** Every digest the register calls for on `datum`: owners daily, offices weekly. */
  async opzetten(datum: string): Promise<HerinneringOpzet[]> {
    const dagen = this.config.get('HERINNERING_DAGEN', { infer: true });
    const rijen: HerinneringRij[] = [];
    // Open, with a termijn date up to and including `dagen` days from now: overdue and falling due.
    for await (const blok of this.query.stroom({ achterstalligOp: dagenNa(datum, dagen + 1), sorteer: 'termijn' }, 'kort')) {
      rijen.push(...(blok as HerinneringRij[]));
      await beurt();
    }
    const opzetten = behandelaarHerinneringen(rijen, datum);
    const kantoren = parseBewindspersoonAdressen(this.config.get('HERINNERING_BEWINDSPERSONEN', { infer: true }));
    if (kantoren.length > 0 && weekdag(datum) >= this.config.get('HERINNERING_WEEKDAG', { infer: true })) {
      for (const kantoor of kantoren) {
        // Every spelling the register has of the name counts, as in an overdracht.
        const schrijfwijzen = new Set(await this.query.bewindspersoonSchrijfwijzen(kantoor.bewindspersoon));
        opzetten.push(bewindspersoonOverzicht(rijen.filter((r) => schrijfwijzen.has(r.bewindspersoon)), kantoor, datum));
      }
    }
    return opzetten.filter((o) => o.inhoud.aantalAchterstallig + o.inhoud.aantalBinnenkort > 0);
  }

  /** The digests that may go out, and the addresses outside HERINNERING_DOMEINEN (nothing is recorded for those). */
  private binnenDomeinen(opzetten: readonly HerinneringOpzet[]): { opzetten: HerinneringOpzet[]; buiten: string[] } {
    const domeinen = this.config.get('HERINNERING_DOMEINEN', { infer: true });
    const binnen = opzetten.filter((o) => magHerinneringKrijgen(o.ontvanger.email, domeinen));
    return { opzetten: binnen, buiten: opzetten.filter((o) => !binnen.includes(o)).map((o) => o.ontvanger.email) };
  }

  private async verstuurAlle(
    datum: string,
    opzetten: readonly HerinneringOpzet[],
    verzender: MailVerzender,
    meta: CommandMetadata,
    opties: HerinneringenOpties,
    slot: { verloren: string | null },
    lease: ProjectionLease,
  ): Promise<Omit<HerinneringenResultaat, 'buitenDomeinen' | 'positie'>> {
    const tel = { verstuurd: 0, hervat: 0, alVerstuurd: 0, mislukt: 0, eerderGeweigerd: 0 };
    const fouten: HerinneringFout[] = [];
    const webUrl = webAdres(this.config);
    let serverFout: string | null = null;
    let gedaan = 0;
    for (const opzet of opzetten) {
      if (serverFout || slot.verloren) break;
      const id = herinneringId(opzet.soort, opzet.periode, opzet.ontvanger.email, opzet.bewindspersoon);
      let geladen = await this.laad(id);
      if (geladen.state.status === 'Verstuurd') tel.alVerstuurd++;
      else if (geladen.state.status === 'Mislukt' && geladen.state.blijvend) tel.eerderGeweigerd++;
      else {
        // Found prepared and unanswered (an earlier run stopped between recording and answering), or
        // after an attempt whose connection broke: the server may have the message already.
        const hervat = geladen.state.status === 'Voorbereid' || (geladen.state.status === 'Mislukt' && geladen.state.onzeker);
        if (geladen.state.status === 'Nieuw') {
          await this.voerUit(id, { type: 'BereidVoor', data: this.voorbereid(id, opzet, datum, verzender.domein) }, meta).catch((error: unknown) => {
            // Prepared meanwhile by another run (the lock held that one back only if it held): that run sends it.
            if (!(error instanceof HerinneringAlVoorbereidError || error instanceof HerinneringAlVerstuurdError)) throw error;
          });
          const nu = await this.laad(id);
          if (nu.events.length !== 1 || nu.events[0].metadata.commandId !== meta.commandId) {
            // Sent by it already, or left to it (then not tried here).
            if (nu.state.status === 'Verstuurd') {
              tel.alVerstuurd++;
              gedaan++;
            }
            continue;
          }
          geladen = nu;
        }
        if (!magVersturen(geladen.state)) throw new Error(`herinnering ${id} is na het opstellen niet te versturen`);
        const d = geladen.state.voorbereid;
        const mail = herinneringMail(d, webUrl);
        // Checked at the last moment: once the lock is gone another run may send this very digest.
        if (!lease.held) {
          slot.verloren ??= 'het slot is niet meer in handen van deze run';
          break;
        }
        try {
          const antwoord = await verzender.verstuur({ aan: d.ontvanger, onderwerp: mail.onderwerp, html: mail.html, tekst: mail.tekst, messageId: d.messageId });
          await this.voerUit(id, { type: 'RegistreerVerstuurd', data: { messageId: d.messageId, smtpAntwoord: antwoord, hervat } }, meta);
          tel.verstuurd++;
          if (hervat) tel.hervat++;
        } catch (error) {
          if (!(error instanceof MailFout)) throw error;
          await this.voerUit(id, { type: 'RegistreerMislukt', data: { reden: error.message, blijvend: error.blijvend, ...(error.onzeker ? { onzeker: true } : {}) } }, meta);
          tel.mislukt++;
          fouten.push({ email: d.ontvanger.email, soort: d.soort, reden: error.message, blijvend: error.blijvend });
          if (error.server) serverFout = error.message;
        }
      }
      gedaan++;
      opties.voortgang?.(gedaan, opzetten.length);
      // The embedded store answers synchronously: other requests get a turn between digests.
      await beurt();
    }
    const nietGeprobeerd = opzetten.length - gedaan;
    const onderbroken = slot.verloren ? `Het slot van de verzending ging verloren (${slot.verloren}); de rest volgt bij een volgende run.` : null;
    return { datum, aan: true, bezet: false, melding: `${melding(tel, nietGeprobeerd, serverFout)}${onderbroken ? ` ${onderbroken}` : ''}`, totaal: opzetten.length, ...tel, nietGeprobeerd, fouten, serverFout, onderbroken };
  }

  private voorbereid(id: string, opzet: HerinneringOpzet, datum: string, domein: string): HerinneringVoorbereidData {
    const basis = { herinneringId: id, soort: opzet.soort, periode: opzet.periode, datum, dagen: this.config.get('HERINNERING_DAGEN', { infer: true }), ontvanger: opzet.ontvanger, bewindspersoon: opzet.bewindspersoon, inhoud: opzet.inhoud };
    return { ...basis, onderwerp: herinneringOnderwerp(basis), messageId: `<herinnering-${id}@${domein}>` };
  }

  async laad(id: string): Promise<Geladen> {
    const { revision, events } = await this.store.readStream(herinneringStream(id));
    const state = events.reduce<HerinneringState>((s, e) => {
      const event = leesHerinneringEvent(e);
      return event ? evolveHerinnering(s, event) : s;
    }, initialHerinneringState);
    return { state, revision, events };
  }

  private async voerUit(id: string, command: HerinneringCommand, meta: CommandMetadata): Promise<void> {
    const stream = herinneringStream(id);
    await voerStreamCommandUit({
      id,
      meta,
      load: () => this.laad(id),
      decide: async ({ state }) => decideHerinnering(command, state),
      append: ({ revision }, events) =>
        this.store.appendToStream(
          stream,
          events.map((e, i) => this.items.toNewEvent(e.feit, e.data, meta, `${stream}:${revision + 1 + i}`)),
          revision < 0 ? 'no-stream' : revision,
        ),
    });
  }

  /** The register as of the log's end: a digest must not miss an item registered a moment ago. */
  private async wachtOpRegister(): Promise<void> {
    if (this.runner.rebuilding || (await this.runner.rebuildMarked())) throw new ServiceUnavailableException('Het register wordt opnieuw opgebouwd; de herinneringen worden verstuurd als de herbouw klaar is (start de verzending dan opnieuw).');
    const head = await this.store.headPosition();
    if (!(await this.runner.waitForPosition(head, WACHT_OP_REGISTER_MS))) {
      throw new ServiceUnavailableException(`Het register liep na ${WACHT_OP_REGISTER_MS / 1000} seconden nog achter op het log (positie ${this.runner.position()} van ${head}); er is niets verstuurd.`);
    }
  }


  private lease(): ProjectionLease {
    return runSlot('herinneringen', this.dataSource, this.config);
  }

}

function melding(tel: { verstuurd: number; alVerstuurd: number; mislukt: number; eerderGeweigerd: number; hervat: number }, nietGeprobeerd: number, serverFout: string | null): string {
  const delen = [
    `${tel.verstuurd} verstuurd${tel.hervat ? ` (waarvan ${tel.hervat} hervat na een onderbroken verzending)` : ''}`,
    `${tel.alVerstuurd} al eerder verstuurd`,
    ...(tel.mislukt ? [`${tel.mislukt} mislukt`] : []),
    ...(tel.eerderGeweigerd ? [`${tel.eerderGeweigerd} eerder geweigerd door de mailserver`] : []),
    ...(nietGeprobeerd ? [`${nietGeprobeerd} niet geprobeerd`] : []),
  ];
  return `${delen.join(', ')}.${serverFout ? ` De mailserver was niet bereikbaar: ${serverFout}` : ''}`;
}

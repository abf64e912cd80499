import { Injectable, NotFoundException, ServiceUnavailableException, UnprocessableEntityException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { GebruikersStore, Identiteit, LEZERS } from '@register/access';
import { LAATSTE_DATUM } from '@register/domain';
import { AppConfig, Clock } from '@register/platform';
import { ProjectionRunner, RegisterFilter, RegisterQuery } from '@register/read-models';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { setImmediate as beurt } from 'node:timers/promises';
import { DataSource, IsNull } from 'typeorm';
import { AgendaAbonnement } from './agenda-abonnement.entity';
import { AgendaItem, agendaFeed } from './agenda-feed';
import { webAdres } from '../web-adres';

export interface AgendaFilter {
  readonly mijn?: boolean;
  readonly directie?: string;
  readonly bewindspersoon?: string;
}

export interface AgendaAbonnementWeergave {
  readonly id: string;
  readonly eigenaar: string;
  readonly filter: AgendaFilter;
  readonly omschrijving: string;
  readonly aangemaaktOp: string;
  readonly ingetrokkenOp: string | null;
}

/** A new subscription: the only time its secret URL is shown. */
export interface NieuwAgendaAbonnement extends AgendaAbonnementWeergave {
  /** The feed's path on this server: /agenda/<geheim>.ics. */
  readonly url: string;
  /** The same, on the web app's address, to paste into Outlook ("Agenda toevoegen → Van internet"). */
  readonly volledigeUrl: string;
  /** The webcal:// form, which opens the calendar program directly. */
  readonly webcalUrl: string;
}

/** A feed holds at most this many termijnen (the earliest first); a subscription that would hold more now is refused. */
export const MAX_AGENDA_ITEMS = 5000;
const GEHEIM = /^([A-Za-z0-9_-]{43})\.ics$/;
/** Feeds kept built; 5,000 termijnen are about 5 MB, most feeds far smaller. */
const MAX_IN_CACHE = 100;
/** Active subscriptions per user: enough for every view one needs, not a way to fill the table. */
export const MAX_ABONNEMENTEN = 20;
/** As the table's column: a longer name (an OIDC claim) is refused, not cut. */
const MAX_EIGENAAR = 200;

const hash = (geheim: string) => createHash('sha256').update(geheim).digest('hex');

/**
 * Calendar subscriptions: a secret URL per user and filter that a calendar program fetches now and
 * then, without signing in. Only the secret's hash is stored; the URL is shown once. A feed stops
 * answering when it is revoked, and when its owner is a register user who was revoked or no longer
 * has a reading role. An OIDC user's feed cannot be checked against the identity provider when it is
 * fetched: it answers until it is revoked (by its owner or a beheerder).
 */
@Injectable()
export class AgendaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly query: RegisterQuery,
    private readonly runner: ProjectionRunner,
    private readonly gebruikers: GebruikersStore,
    private readonly clock: Clock,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  /** Per subscription the last feed built, with the register position it reflects. */
  private readonly cache = new Map<string, { positie: string; ics: string; etag: string }>();

  private get repo() {
    return this.dataSource.getRepository(AgendaAbonnement);
  }

  async maak(wie: Identiteit, filter: AgendaFilter): Promise<NieuwAgendaAbonnement> {
    const schoon = schoonFilter(filter);
    const email = schoon.mijn ? wie.email?.trim().toLowerCase() : undefined;
    if (schoon.mijn && !email) {
      throw new UnprocessableEntityException({
        code: 'geen-email',
        message: 'Voor een agenda van "mijn items" moet het register uw e-mailadres kennen; vraag de beheerder het bij uw gebruiker te zetten, of kies een directie of bewindspersoon.',
      });
    }
    if (wie.naam.length > MAX_EIGENAAR) throw new UnprocessableEntityException({ code: 'naam-te-lang', message: `Uw naam is langer dan ${MAX_EIGENAAR} tekens; het register kan er geen agenda bij bewaren.` });
    const actief = await this.repo.countBy({ eigenaar: wie.naam, eigenaarBron: wie.bron, ingetrokkenOp: IsNull() });
    if (actief >= MAX_ABONNEMENTEN) {
      throw new UnprocessableEntityException({ code: 'te-veel-abonnementen', message: `U heeft al ${MAX_ABONNEMENTEN} agenda-abonnementen; trek er een in voordat u een nieuw maakt.` });
    }
    const aantal = await this.query.aantal(this.registerFilter(schoon, email ?? null));
    if (aantal > MAX_AGENDA_ITEMS) {
      throw new UnprocessableEntityException({
        code: 'agenda-te-groot',
        message: `Deze agenda zou ${aantal.toLocaleString('nl-NL')} termijnen bevatten, meer dan ${MAX_AGENDA_ITEMS.toLocaleString('nl-NL')}; kies "mijn items", een directie of een bewindspersoon.`,
      });
    }
    const geheim = randomBytes(32).toString('base64url');
    const rij: AgendaAbonnement = {
      id: randomUUID(),
      geheimHash: hash(geheim),
      eigenaar: wie.naam,
      eigenaarBron: wie.bron,
      eigenaarEmail: email ?? null,
      filter: JSON.stringify(schoon),
      aangemaaktOp: this.clock.now().toISOString(),
      ingetrokkenOp: null,
    };
    await this.repo.insert(rij);
    const url = `/agenda/${geheim}.ics`;
    const volledigeUrl = `${webAdres(this.config)}${url}`;
    return { ...weergave(rij), url, volledigeUrl, webcalUrl: volledigeUrl.replace(/^https?:/, 'webcal:') };
  }

  /** A user's own subscriptions; a beheerder's: everybody's. Newest first. */
  async lijst(wie: Identiteit): Promise<AgendaAbonnementWeergave[]> {
    const rijen = await this.repo.find({ where: wie.rollen.includes('beheerder') ? {} : { eigenaar: wie.naam, eigenaarBron: wie.bron }, order: { aangemaaktOp: 'DESC' }, take: 1000 });
    return rijen.map(weergave);
  }

  /** Revokes a subscription of one's own (a beheerder: anyone's). Revoking one that is revoked already changes nothing. */
  async trekIn(wie: Identiteit, id: string): Promise<AgendaAbonnementWeergave> {
    const rij = await this.repo.findOneBy({ id });
    if (!rij || ((rij.eigenaar !== wie.naam || rij.eigenaarBron !== wie.bron) && !wie.rollen.includes('beheerder'))) throw new NotFoundException({ code: 'abonnement-niet-gevonden', message: `Er is geen agenda-abonnement ${id} van u.` });
    if (rij.ingetrokkenOp === null) {
      const nu = this.clock.now().toISOString();
      await this.repo.update({ id, ingetrokkenOp: IsNull() }, { ingetrokkenOp: nu });
    }
    return weergave((await this.repo.findOneBy({ id }))!);
  }

  /**
   * The feed behind a secret URL's last part (`<geheim>.ics`) with its ETag, or null when there is
   * none (or no longer). A feed is built once per register position: calendar programs poll, and
   * between two changes of the register every fetch gets the same bytes from the cache.
   */
  async feed(bestand: string): Promise<{ ics: string; etag: string } | null> {
    const geheim = GEHEIM.exec(bestand)?.[1];
    if (!geheim) return null;
    const rij = await this.repo.findOneBy({ geheimHash: hash(geheim) });
    if (!rij || rij.ingetrokkenOp !== null || !this.eigenaarMagLezen(rij)) return null;
    // A rebuild empties the register and fills it again: a feed now would drop termijnen from calendars.
    if (this.runner.rebuilding) throw new ServiceUnavailableException('Het register wordt op dit moment opnieuw opgebouwd; de agenda is over enkele minuten weer beschikbaar.');
    const positie = this.runner.position().toString();
    const bewaard = this.cache.get(rij.id);
    if (bewaard?.positie === positie) return bewaard;
    const filter = JSON.parse(rij.filter) as AgendaFilter;
    const items: AgendaItem[] = [];
    for await (const blok of this.query.stroom({ ...this.registerFilter(filter, rij.eigenaarEmail), sorteer: 'termijn' }, 'kort')) {
      for (const r of blok) {
        if (items.length >= MAX_AGENDA_ITEMS || !r.termijnDatum) continue;
        items.push({
          itemId: r.itemId,
          soort: r.soort as AgendaItem['soort'],
          nummer: r.nummer,
          titel: r.titel,
          bewindspersoon: r.bewindspersoon,
          termijnDatum: r.termijnDatum,
          termijnOmschrijving: r.termijnOmschrijving,
          behandelaarNaam: r.behandelaarNaam,
          behandelaarDirectie: r.behandelaarDirectie,
          revisie: r.revisie,
          laatsteWijzigingOp: r.laatsteWijzigingOp,
        });
      }
      if (items.length >= MAX_AGENDA_ITEMS) break;
      await beurt();
    }
    const ics = await agendaFeed(`Termijnen: ${omschrijving(filter)}`, items, webAdres(this.config));
    const uit = { positie, ics, etag: `"${createHash('sha256').update(ics).digest('base64url')}"` };
    this.cache.delete(rij.id);
    this.cache.set(rij.id, uit);
    // The oldest out first: a Map keeps the order of insertion.
    for (const sleutel of this.cache.keys()) {
      if (this.cache.size <= MAX_IN_CACHE) break;
      this.cache.delete(sleutel);
    }
    return uit;
  }

  /** A register user must still be active with a reading role, since before the subscription; an OIDC user is not in the register's user file. */
  private eigenaarMagLezen(rij: AgendaAbonnement): boolean {
    if (rij.eigenaarBron !== 'token') return true;
    const gebruiker = this.gebruikers.gebruiker(rij.eigenaar);
    // A user revoked and added again under the same name is someone new: the old feeds stay dead.
    return !!gebruiker && gebruiker.ingetrokkenOp === null && LEZERS.includes(gebruiker.rol) && gebruiker.aangemaaktOp <= rij.aangemaaktOp;
  }

  /** Open items with a termijn date, of this filter. */
  private registerFilter(filter: AgendaFilter, email: string | null): RegisterFilter {
    return {
      achterstalligOp: LAATSTE_DATUM,
      ...(filter.mijn && email ? { behandelaar: email } : {}),
      ...(filter.directie ? { directie: filter.directie } : {}),
      ...(filter.bewindspersoon ? { bewindspersoon: filter.bewindspersoon } : {}),
      pagina: 1,
      perPagina: 1,
    };
  }

}

function schoonFilter(filter: AgendaFilter): AgendaFilter {
  const directie = filter.directie?.trim();
  const bewindspersoon = filter.bewindspersoon?.trim();
  return { ...(filter.mijn ? { mijn: true } : {}), ...(directie ? { directie } : {}), ...(bewindspersoon ? { bewindspersoon } : {}) };
}

function omschrijving(filter: AgendaFilter): string {
  const delen = [filter.mijn ? 'mijn items' : null, filter.directie ? `directie ${filter.directie}` : null, filter.bewindspersoon ?? null].filter(Boolean);
  return delen.length ? delen.join(', ') : 'alle open items';
}

function weergave(rij: AgendaAbonnement): AgendaAbonnementWeergave {
  const filter = JSON.parse(rij.filter) as AgendaFilter;
  return { id: rij.id, eigenaar: rij.eigenaar, filter, omschrijving: omschrijving(filter), aangemaaktOp: rij.aangemaaktOp, ingetrokkenOp: rij.ingetrokkenOp };
}

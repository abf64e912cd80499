import { Injectable, NotFoundException, ServiceUnavailableException, UnprocessableEntityException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { GebruikersStore, Identiteit, LEZERS } from '@register/access';
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
/** The last business date there is: "achterstallig" on it means "open with a termijn date". */
const LAATSTE_DATUM = '9999-12-31';
const GEHEIM = /^([A-Za-z0-9_-]{43})\.ics$/;

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
    const rijen = await this.repo.find({ where: wie.rollen.includes('beheerder') ? {} : { eigenaar: wie.naam }, order: { aangemaaktOp: 'DESC' } });
    return rijen.map(weergave);
  }

  /** Revokes a subscription of one's own (a beheerder: anyone's). Revoking one that is revoked already changes nothing. */
  async trekIn(wie: Identiteit, id: string): Promise<AgendaAbonnementWeergave> {
    const rij = await this.repo.findOneBy({ id });
    if (!rij || (rij.eigenaar !== wie.naam && !wie.rollen.includes('beheerder'))) throw new NotFoundException({ code: 'abonnement-niet-gevonden', message: `Er is geen agenda-abonnement ${id} van u.` });
    if (rij.ingetrokkenOp === null) {
      const nu = this.clock.now().toISOString();
      await this.repo.update({ id, ingetrokkenOp: IsNull() }, { ingetrokkenOp: nu });
    }
    return weergave((await this.repo.findOneBy({ id }))!);
  }

  /** The feed behind a secret URL's last part (`<geheim>.ics`), or null when there is none (or no longer). */
  async feed(bestand: string): Promise<string | null> {
    const geheim = GEHEIM.exec(bestand)?.[1];
    if (!geheim) return null;
    const rij = await this.repo.findOneBy({ geheimHash: hash(geheim) });
    if (!rij || rij.ingetrokkenOp !== null || !this.eigenaarMagLezen(rij)) return null;
    // A rebuild empties the register and fills it again: a feed now would drop termijnen from calendars.
    if (this.runner.rebuilding) throw new ServiceUnavailableException('Het register wordt op dit moment opnieuw opgebouwd; de agenda is over enkele minuten weer beschikbaar.');
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
    return agendaFeed(`Termijnen: ${omschrijving(filter)}`, items, webAdres(this.config));
  }

  /** A register user must still be active with a reading role; an OIDC user is not in the register's user file. */
  private eigenaarMagLezen(rij: AgendaAbonnement): boolean {
    if (rij.eigenaarBron !== 'token') return true;
    const gebruiker = this.gebruikers.gebruiker(rij.eigenaar);
    return !!gebruiker && gebruiker.ingetrokkenOp === null && LEZERS.includes(gebruiker.rol);
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

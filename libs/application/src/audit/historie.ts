import { ItemEvent, leesItemEvent } from '@register/domain';
import { StoredEvent } from '@register/event-store';

export interface HistorieRegel {
  readonly revisie: number;
  readonly positie: string;
  readonly event: string;
  /** The business date of the fact, when it has one (a correction has none: it fixes the record). */
  readonly datum: string | null;
  readonly vastgelegdOp: string;
  readonly door: string;
  readonly commandId: string;
  readonly correlationId: string;
  /** Where the change came from when not typed by hand (an import: which document, which proposal). */
  readonly bron?: string;
  readonly samenvatting: string;
  readonly wijzigingen?: readonly { veld: string; oud: string; nieuw: string }[];
}

const tekst = (v: unknown) => (v === null || v === undefined ? '(leeg)' : typeof v === 'string' ? v : Array.isArray(v) ? v.map((x) => (typeof x === 'object' && x && 'naam' in x ? (x as { naam: string; fractie?: string }).naam + ((x as { fractie?: string }).fractie ? ` (${(x as { fractie: string }).fractie})` : '') : JSON.stringify(x))).join(', ') : JSON.stringify(v));

const behandelaar = (b: { naam: string; email: string; directie: string; afdeling: string | null }) => `${b.naam} <${b.email}>, ${b.directie}${b.afdeling ? ` / ${b.afdeling}` : ''}`;

/** One line per event, in words an auditor reads: who did what, when it happened and when it was recorded. */
export function historieRegel(stored: StoredEvent): HistorieRegel {
  const event = leesItemEvent(stored);
  const basis = {
    revisie: stored.revision,
    positie: stored.position.toString(),
    event: stored.type,
    vastgelegdOp: stored.metadata.recordedAt,
    door: stored.metadata.actor,
    commandId: stored.metadata.commandId,
    correlationId: stored.metadata.correlationId,
    ...(typeof stored.metadata.bron === 'string' ? { bron: stored.metadata.bron } : {}),
  };
  if (!event) return { ...basis, datum: null, samenvatting: stored.type };
  return { ...basis, datum: 'datum' in event.data ? (event.data.datum as string) : null, ...beschrijf(event) };
}

function beschrijf(e: ItemEvent): { samenvatting: string; wijzigingen?: HistorieRegel['wijzigingen'] } {
  switch (e.feit) {
    case 'Geregistreerd':
      return { samenvatting: `Geregistreerd als ${e.data.nummer}: ${e.data.titel}${e.data.behandelaar ? ` (behandelaar ${behandelaar(e.data.behandelaar)})` : ''}` };
    case 'RegistratieGecorrigeerd':
      return {
        samenvatting: `Registratie gecorrigeerd (${e.data.wijzigingen.map((w) => w.veld).join(', ')}): ${e.data.reden}`,
        wijzigingen: e.data.wijzigingen.map((w) => ({ veld: w.veld, oud: tekst(w.oud), nieuw: tekst(w.nieuw) })),
      };
    case 'TermijnGewijzigd':
      return {
        samenvatting: `Termijn gewijzigd naar "${e.data.nieuw.omschrijving}"${e.data.nieuw.datum ? ` (${e.data.nieuw.datum})` : ''}: ${e.data.reden}`,
        wijzigingen: [{ veld: 'termijn', oud: e.data.oud ? `${e.data.oud.omschrijving}${e.data.oud.datum ? ` (${e.data.oud.datum})` : ''}` : '(geen)', nieuw: `${e.data.nieuw.omschrijving}${e.data.nieuw.datum ? ` (${e.data.nieuw.datum})` : ''}` }],
      };
    case 'VoortgangGerapporteerd':
      return { samenvatting: `Voortgang: ${e.data.tekst}` };
    case 'Afgedaan':
      return { samenvatting: `Afgedaan (${e.data.wijze.soort}: ${e.data.wijze.referentie}): ${e.data.toelichting}` };
    case 'DeelsAfgedaan':
      return { samenvatting: `Deels afgedaan: ${e.data.deel} (${e.data.bewijs.referentie})` };
    case 'Heropend':
      return { samenvatting: `Heropend: ${e.data.reden}` };
    case 'Overgedragen':
      return { samenvatting: `Overgedragen aan ${e.data.naar.bewindspersoon} (${e.data.naar.ministerie}): ${e.data.reden}`, wijzigingen: [{ veld: 'bewindspersoon', oud: `${e.data.van.bewindspersoon} (${e.data.van.ministerie})`, nieuw: `${e.data.naar.bewindspersoon} (${e.data.naar.ministerie})` }] };
    case 'Gekoppeld':
      return { samenvatting: `Gekoppeld: ${e.data.relatie} ${e.data.doelNummer}` };
    case 'Vervallen':
      return { samenvatting: `Vervallen: ${e.data.reden}` };
    case 'BehandelaarToegewezen':
      return {
        samenvatting: `Behandelaar ${e.data.van ? 'gewijzigd' : 'toegewezen'}: ${behandelaar(e.data.naar)}: ${e.data.reden}`,
        wijzigingen: [{ veld: 'behandelaar', oud: e.data.van ? behandelaar(e.data.van) : '(geen)', nieuw: behandelaar(e.data.naar) }],
      };
    default: {
      const unreachable: never = e;
      return unreachable;
    }
  }
}

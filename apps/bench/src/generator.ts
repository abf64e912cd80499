import {
  HalfjaarberichtCommand,
  HalfjaarberichtState,
  ItemCommand,
  ItemEvent,
  ItemState,
  RegistreerMotie,
  RegistreerToezegging,
  Soort,
  decide,
  decideBericht,
  eventType,
  evolve,
  evolveBericht,
  halfjaarberichtStream,
  initialBerichtState,
  initialState,
  isOpen,
  itemStream,
  nummerStream,
  schemaVersieVan,
} from '@register/domain';
import { NewEvent, SqliteEventStore } from '@register/event-store';
import { createHash } from 'node:crypto';
import zinnen from './zinnen.json';

/** mulberry32: a small seeded PRNG, so every run generates the same store. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LEDEN = [
  ['Michon-Derkzen', 'VVD'], ['Boswijk', 'CDA'], ['Mutluer', 'GL-PvdA'], ['Van Nispen', 'SP'], ['Eerdmans', 'JA21'], ['Bikker', 'ChristenUnie'],
  ['Six Dijkstra', 'NSC'], ['Van der Werf', 'D66'], ['Ellian', 'VVD'], ['Azarkan', 'DENK'], ['Kuik', 'CDA'], ['Helder', 'BBB'], ['Klaver', 'GL'],
  ['Hermans', 'VVD'], ['Bisschop', 'SGP'], ['El Abassi', 'DENK'], ['Van Dijk', 'SP'], ['Kisteman', 'VVD'], ['Aardema', 'PVV'], ['Paternotte', 'D66'],
  ['Özütok', 'GL'], ['Markuszower', 'PVV'], ['Sneller', 'D66'], ['Mirza', 'GL-PvdA'], ['Dassen', 'Volt'], ['Ouwehand', 'PvdD'], ['Wilders', 'PVV'],
  ['Vijlbrief', 'D66'], ['Klink', 'VVD'], ['Dobbe', 'SP'],
] as const;
const BEWINDSPERSONEN = [
  ['minister van Justitie en Veiligheid', 'JenV'], ['staatssecretaris van Justitie en Veiligheid', 'JenV'], ['minister van Binnenlandse Zaken en Koninkrijksrelaties', 'BZK'],
  ['minister van Volksgezondheid, Welzijn en Sport', 'VWS'], ['minister van Defensie', 'Defensie'], ['minister van Financiën', 'Financiën'],
  ['minister van Onderwijs, Cultuur en Wetenschap', 'OCW'], ['minister van Sociale Zaken en Werkgelegenheid', 'SZW'], ['minister van Infrastructuur en Waterstaat', 'IenW'],
  ['minister van Economische Zaken', 'EZ'], ['minister voor Asiel en Migratie', 'AenM'], ['minister van Buitenlandse Zaken', 'BZ'],
] as const;
const THEMAS = ['Politiepersoneel en middelen', 'Online criminaliteit', 'Demonstraties', 'Zeden', 'Boa-bestel', 'Discriminatie', 'Informatievoorziening', 'Ondermijning', 'Slachtofferzorg', 'Hulpverleners', 'Cybercrime', 'Terrorismebestrijding'];
const TERMIJNEN = ['voor de zomer', 'in het eerstvolgende halfjaarbericht', 'voor het einde van het jaar', 'in het voorjaar', 'voor het kerstreces', 'na afronding van het onderzoek'];
const GRIFFIERS = Array.from({ length: 20 }, (_, i) => `griffier.${i + 1}`);

/** Items a generated halfjaarbericht covers, at most: the size of a real annex (seed 003 covers about 60; a large ministry's, a few hundred). */
const PER_BERICHT = 300;

/** Forty half-year reports: 2006 H1 to 2025 H2, each with the date the halfjaarbericht went out. */
export const RAPPORTEN = Array.from({ length: 40 }, (_, i) => {
  const jaar = 2006 + Math.floor(i / 2);
  return { jaar, helft: (i % 2) + 1, datum: i % 2 === 0 ? `${jaar}-06-20` : `${jaar}-12-15` };
});

interface Plan {
  readonly itemId: string;
  readonly soort: Soort;
  readonly start: number;
  readonly stappen: number;
  gedaan: number;
  state: ItemState;
  revisie: number;
}

export interface GeneratedStore {
  readonly items: number;
  readonly events: number;
  readonly itemIds: string[];
  /** Items still open at the end: the ones a clerk can report progress on. */
  readonly openItemIds: string[];
  readonly leden: string[];
  readonly bewindspersonen: string[];
  readonly themas: string[];
  /** The sent halfjaarberichten in the store, oldest first. */
  readonly berichtIds: string[];
}

let uuidTeller = 0;

/** Deterministic and unique: a counter hashed, never a random draw (2^32 draws collide at this scale). */
function uuid(rand: () => number): string {
  const h = createHash('sha1').update(`register-bench-${++uuidTeller}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[Math.floor(rand() * 4)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Generates a realistic store on the embedded default: `items` moties and toezeggingen over forty
 * half-year reports, each with 3–10 events made by the real decider (so every event is one the system
 * itself could have written), interleaved in time like a register that grew over twenty years.
 */
export function generate(store: SqliteEventStore, items: number, progress: (done: number, total: number) => void, seed = 20251125): GeneratedStore {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const tekst = (min: number, max: number) => Array.from({ length: min + Math.floor(rand() * (max - min + 1)) }, () => pick(zinnen as string[])).join(' ');
  let events = 0;
  let volgnummer = 0;

  const plannen: Plan[] = Array.from({ length: items }, (_, i) => {
    // 3–10 events each (a registration counts as two: number reserved, item registered).
    const stappen = Math.min(10, 3 + Math.floor(rand() * 8) + (i % 3 === 0 ? 1 : 0));
    return { itemId: uuid(rand), soort: rand() < 0.55 ? 'motie' : 'toezegging', start: Math.floor(rand() * 38), stappen, gedaan: 0, state: initialState, revisie: -1 };
  });
  const perRapport = RAPPORTEN.map(() => [] as Plan[]);
  for (const p of plannen) perRapport[p.start].push(p);
  const actief: Plan[] = [];
  const itemIds = plannen.map((p) => p.itemId);
  const berichtIds: string[] = [];

  for (let r = 0; r < RAPPORTEN.length; r++) {
    const rapport = RAPPORTEN[r];
    actief.push(...perRapport[r]);
    const batch: { stream: string; events: NewEvent[]; expected: number | 'no-stream' }[] = [];
    const flush = () => {
      if (batch.length === 0) return;
      store.appendMany(batch);
      batch.length = 0;
      progress(events, Math.round(items * 6.67));
    };
    for (let i = actief.length - 1; i >= 0; i--) {
      const plan = actief[i];
      let command = volgende(plan, rapport.datum, r);
      let nieuw: ItemEvent[] = [];
      if (command) {
        try {
          nieuw = decide(command, plan.state);
        } catch {
          // A generated step the domain refuses (same bewindspersoon, link twice): report progress instead.
          command = plan.state.status === 'InBehandeling' || plan.state.status === 'DeelsAfgedaan' ? { type: 'RapporteerVoortgang', datum: rapport.datum, tekst: tekst(2, 5) } : undefined;
          nieuw = command ? decide(command, plan.state) : [];
        }
      }
      if (command) {
        const meta = (k: number) => {
          const eventId = uuid(rand);
          return {
            eventId,
            commandId: eventId,
            correlationId: eventId,
            causationId: eventId,
            actor: pick(GRIFFIERS),
            recordedAt: `${rapport.datum}T${String(8 + (k % 9)).padStart(2, '0')}:${String(Math.floor(rand() * 60)).padStart(2, '0')}:00.000Z`,
            schemaVersion: 1,
          };
        };
        if (command.type === 'RegistreerMotie' || command.type === 'RegistreerToezegging') {
          const nummer = (nieuw[0].data as { nummer: string }).nummer;
          const m = meta(0);
          batch.push({ stream: nummerStream(nummer), events: [{ eventId: m.eventId, type: 'NummerGereserveerd', data: { nummer, itemId: plan.itemId, soort: plan.soort, titel: command.titel }, metadata: m }], expected: 'no-stream' });
          events++;
          plan.gedaan++;
        }
        batch.push({
          stream: itemStream(plan.soort, plan.itemId),
          events: nieuw.map((e, k) => {
            const m = meta(k);
            const type = eventType(plan.soort, e.feit);
            return { eventId: m.eventId, type, data: e.data as unknown as Record<string, unknown>, metadata: { ...m, schemaVersion: schemaVersieVan(type) } };
          }),
          expected: plan.revisie < 0 ? 'no-stream' : plan.revisie,
        });
        for (const e of nieuw) plan.state = evolve(plan.state, e);
        plan.revisie += nieuw.length;
        plan.gedaan += nieuw.length;
        events += nieuw.length;
      }
      if (plan.gedaan >= plan.stappen || plan.state.status === 'Vervallen') actief.splice(i, 1);
      if (batch.length >= 2000) flush();
    }
    flush();
    berichtIds.push(halfjaarbericht(r));
  }
  progress(events, events);
  return {
    items,
    events,
    itemIds,
    openItemIds: plannen.filter((p) => p.state.status === 'InBehandeling' || p.state.status === 'DeelsAfgedaan').map((p) => p.itemId),
    leden: LEDEN.map(([naam]) => naam),
    bewindspersonen: BEWINDSPERSONEN.map(([b]) => b),
    themas: THEMAS,
    berichtIds,
  };

  /**
   * The report of half-year `r`, sent, through the report's own decider: up to PER_BERICHT of the items
   * open at that moment, each in behandeling with a progress text, frozen as they stood. "In
   * behandeling" only: an afgedaan entry would make the live server's reactor afdoen items when it
   * first starts, and a benchmark must not write while it measures.
   */
  function halfjaarbericht(r: number): string {
    const rapport = RAPPORTEN[r];
    const berichtId = uuid(rand);
    const open = plannen.filter((p) => isOpen(p.state)).slice(-PER_BERICHT);
    const commands: HalfjaarberichtCommand[] = [
      { type: 'MaakAan', berichtId, jaar: rapport.jaar, helft: rapport.helft as 1 | 2, titel: `${rapport.helft === 1 ? 'Eerste' : 'Tweede'} halfjaarbericht ${rapport.jaar}`, peildatum: rapport.datum, secties: THEMAS },
      ...open.map((p): HalfjaarberichtCommand => ({ type: 'NeemItemOp', bestaat: true, item: { itemId: p.itemId, soort: p.soort, sectie: (p.state as { registratie: { thema: string } }).registratie.thema, tekst: tekst(2, 5), status: 'in-behandeling', deel: null } })),
    ];
    let state: HalfjaarberichtState = initialBerichtState;
    const nieuw: ReturnType<typeof decideBericht> = [];
    const verzend = (): HalfjaarberichtCommand => ({
      type: 'Verzend',
      datum: rapport.datum,
      kenmerk: String(4_000_000 + r * 1_000 + Math.floor(rand() * 1000)),
      momentopnamen: open.map((p) => {
        const g = p.state as Extract<ItemState, { registratie: unknown }>;
        const { nummer, vergaderjaar, titel, leden, datum, debat, bewindspersoon } = g.registratie;
        return { itemId: p.itemId, soort: p.soort, nummer, nummerBron: g.nummerBron, vergaderjaar, titel, leden, datum, debat, bewindspersoon };
      }),
    });
    for (const command of [...commands, verzend()]) {
      for (const e of decideBericht(command, state)) {
        state = evolveBericht(state, e);
        nieuw.push(e);
      }
    }
    const m = () => {
      const eventId = uuid(rand);
      return { eventId, commandId: eventId, correlationId: eventId, causationId: eventId, actor: pick(GRIFFIERS), recordedAt: `${rapport.datum}T16:00:00.000Z`, schemaVersion: 1 };
    };
    const opgeslagen: NewEvent[] = nieuw.map((e) => {
      const metadata = m();
      return { eventId: metadata.eventId, type: e.feit, data: e.data as unknown as Record<string, unknown>, metadata };
    });
    store.appendMany([{ stream: halfjaarberichtStream(berichtId), events: opgeslagen, expected: 'no-stream' }]);
    events += nieuw.length;
    return berichtId;
  }

  function volgende(plan: Plan, datum: string, rapport: number): ItemCommand | undefined {
    const s = plan.state;
    if (s.status === 'Nieuw') return registratie(plan, datum);
    const rest = plan.stappen - plan.gedaan;
    const open = s.status === 'InBehandeling' || s.status === 'DeelsAfgedaan';
    if (!open) {
      if (s.status === 'Afgedaan' && rest > 1 && rand() < 0.3) return { type: 'Heropen', datum, reden: 'De Kamer aanvaardt de afdoening niet. ' + tekst(1, 2) };
      if (rest >= 1 && rand() < 0.5) return { type: 'CorrigeerRegistratie', correcties: { titel: `${s.registratie.titel} (gecorrigeerd)` }, reden: 'Titel overgenomen met een fout' };
      return undefined;
    }
    if (rest === 1 && rand() < 0.85) {
      return rand() < 0.03
        ? { type: 'LaatVervallen', datum, reden: 'Ingetrokken door de indiener.' }
        : { type: 'DoeAf', datum, wijze: rand() < 0.5 ? { soort: 'halfjaarbericht', referentie: `Halfjaarbericht ${RAPPORTEN[rapport].helft === 1 ? 'eerste' : 'tweede'} helft ${RAPPORTEN[rapport].jaar}` } : { soort: 'kamerstuk', referentie: `Kamerstukken II ${RAPPORTEN[rapport].jaar}/${String((RAPPORTEN[rapport].jaar + 1) % 100).padStart(2, '0')}, 29628, nr. ${1000 + Math.floor(rand() * 500)}` }, toelichting: tekst(2, 5) + ' Ik beschouw de motie hiermee als afgedaan.' };
    }
    const kans = rand();
    if (kans < 0.08) return { type: 'WijzigTermijn', datum, termijn: { omschrijving: pick(TERMIJNEN), datum: `${Number(datum.slice(0, 4)) + 1}-0${1 + Math.floor(rand() * 9)}-15` }, reden: 'Het onderzoek loopt uit.' };
    if (kans < 0.11) return { type: 'DraagOver', datum, naar: { bewindspersoon: pick(BEWINDSPERSONEN)[0], ministerie: pick(BEWINDSPERSONEN)[1] }, reden: 'Portefeuilleverdeling nieuw kabinet' };
    if (kans < 0.14) return { type: 'DoeDeelsAf', datum, deel: tekst(1, 1), bewijs: { soort: 'brief-ander-ministerie', referentie: `Kamerstukken II ${datum.slice(0, 4)}, 36600, nr. ${Math.floor(rand() * 300)}`, ministerie: pick(BEWINDSPERSONEN)[1] } };
    if (kans < 0.16 && plan !== plannen[0]) return { type: 'Koppel', datum, relatie: 'meegenomen-in', doelItemId: plannen[0].itemId, doel: plannen[0].state.status === 'Nieuw' ? null : { itemId: plannen[0].itemId, nummer: plannen[0].state.registratie.nummer } };
    return { type: 'RapporteerVoortgang', datum, tekst: tekst(2, 6) };
  }

  function registratie(plan: Plan, datum: string): RegistreerMotie | RegistreerToezegging {
    const n = ++volgnummer;
    const [bewindspersoon, ministerie] = pick(BEWINDSPERSONEN);
    const leden = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(LEDEN)).map(([naam, fractie]) => ({ naam, fractie }));
    const jaar = Number(datum.slice(0, 4));
    const vergaderjaar = `${jaar - 1}/${String(jaar % 100).padStart(2, '0')}`;
    const gemeenschappelijk = {
      itemId: plan.itemId,
      vergaderjaar,
      titel: `${plan.soort === 'motie' ? 'Motie van het lid' : 'Toezegging aan het lid'} ${leden[0].naam} over ${tekst(1, 1).slice(0, 120).toLowerCase()}`,
      tekst: tekst(2, 6),
      datum: `${jaar}-0${1 + Math.floor(rand() * 5)}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`,
      debat: `commissiedebat ${pick(THEMAS).toLowerCase()} ${jaar}`,
      bewindspersoon,
      ministerie,
      thema: pick(THEMAS),
      termijn: rand() < 0.7 ? { omschrijving: pick(TERMIJNEN), datum: `${jaar}-${rand() < 0.5 ? '07-01' : '12-31'}` } : null,
    };
    if (plan.soort === 'motie') {
      const suffix = rand() < 0.1 ? `-${pick(['VI', 'VII', 'X', 'XIII'])}` : '';
      return { type: 'RegistreerMotie', ...gemeenschappelijk, nummer: `${20000 + (n % 17000)}${suffix}-${1 + Math.floor(n / 17000) * 100 + (n % 97)}-`.replace(/-$/, ''), indieners: leden };
    }
    return { type: 'RegistreerToezegging', ...gemeenschappelijk, nummer: rand() < 0.7 ? `TZ${jaar}${String(1 + (n % 12)).padStart(2, '0')}-${(n % 99999) + 1}` : null, leden };
  }
}

import { HerinneringInhoud, HerinneringItem, HerinneringOntvanger, HerinneringSoort, MAX_HERINNERING_ITEMS } from '@register/domain';

/** The register row fields a reminder reads (the short view's). */
export interface HerinneringRij {
  readonly itemId: string;
  readonly soort: 'motie' | 'toezegging';
  readonly nummer: string;
  readonly titel: string;
  readonly bewindspersoon: string;
  readonly termijnOmschrijving: string | null;
  readonly termijnDatum: string | null;
  readonly behandelaarNaam: string | null;
  readonly behandelaarEmail: string | null;
  readonly behandelaarDirectie: string | null;
}

/** One mail to be sent: to whom, for which period, saying what. */
export interface HerinneringOpzet {
  readonly soort: HerinneringSoort;
  readonly periode: string;
  readonly ontvanger: HerinneringOntvanger;
  readonly bewindspersoon: string | null;
  readonly inhoud: HerinneringInhoud;
}

/** The business date `dagen` days after `datum`. */
export function dagenNa(datum: string, dagen: number): string {
  const d = new Date(`${datum}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + dagen);
  return d.toISOString().slice(0, 10);
}

/** 1 maandag … 7 zondag. */
export function weekdag(datum: string): number {
  return new Date(`${datum}T00:00:00Z`).getUTCDay() || 7;
}

/** The ISO 8601 week of a date, as `JJJJ-Www` (the year the week's Thursday lies in). */
export function isoWeek(datum: string): string {
  const d = new Date(`${datum}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 4 - weekdag(datum));
  const jaar = d.getUTCFullYear();
  const week = Math.ceil(((d.getTime() - Date.UTC(jaar, 0, 1)) / 86_400_000 + 1) / 7);
  return `${jaar}-W${String(week).padStart(2, '0')}`;
}

function item(rij: HerinneringRij): HerinneringItem {
  return {
    itemId: rij.itemId,
    soort: rij.soort,
    nummer: rij.nummer,
    titel: rij.titel,
    termijnDatum: rij.termijnDatum!,
    termijnOmschrijving: rij.termijnOmschrijving ?? '',
    behandelaar: rij.behandelaarEmail ? { naam: rij.behandelaarNaam ?? rij.behandelaarEmail, directie: rij.behandelaarDirectie ?? '' } : null,
  };
}

/** One collator for every comparison: building one per call costs seconds over a national register. */
const NUMMERS = new Intl.Collator('nl', { numeric: true });

/** Overdue first, then falling due; each list in termijn order and at most MAX_HERINNERING_ITEMS long. */
function inhoudVan(rijen: readonly HerinneringRij[], datum: string, metBehandelaar: boolean): HerinneringInhoud {
  const opTermijn = [...rijen].sort((a, b) => (a.termijnDatum! < b.termijnDatum! ? -1 : a.termijnDatum! > b.termijnDatum! ? 1 : NUMMERS.compare(a.nummer, b.nummer)));
  const achterstallig = opTermijn.filter((r) => r.termijnDatum! < datum);
  const binnenkort = opTermijn.filter((r) => r.termijnDatum! >= datum);
  const lijst = (r: readonly HerinneringRij[]) => r.slice(0, MAX_HERINNERING_ITEMS).map((x) => (metBehandelaar ? item(x) : { ...item(x), behandelaar: null }));
  return {
    achterstallig: lijst(achterstallig),
    binnenkort: lijst(binnenkort),
    aantalAchterstallig: achterstallig.length,
    aantalBinnenkort: binnenkort.length,
    ...(metBehandelaar ? { zonderBehandelaar: rijen.filter((r) => !r.behandelaarEmail).length } : {}),
  };
}

/**
 * Each owner's digest for `datum`: the open items they own whose termijn passed or falls within
 * `dagen` days (the rows the caller read: open, with a termijn date up to then). Owners are told
 * apart by e-mail address without case, as the register's "Mijn items" does; the name is the one
 * most of their items carry.
 */
export function behandelaarHerinneringen(rijen: readonly HerinneringRij[], datum: string): HerinneringOpzet[] {
  const perEigenaar = new Map<string, HerinneringRij[]>();
  for (const rij of rijen) {
    if (!rij.behandelaarEmail || !rij.termijnDatum) continue;
    const email = rij.behandelaarEmail.trim().toLowerCase();
    const eigen = perEigenaar.get(email);
    if (eigen) eigen.push(rij);
    else perEigenaar.set(email, [rij]);
  }
  return [...perEigenaar.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([email, eigen]) => ({ soort: 'behandelaar', periode: datum, ontvanger: { email, naam: meestGenoemd(eigen.map((r) => r.behandelaarNaam ?? email)) }, bewindspersoon: null, inhoud: inhoudVan(eigen, datum, false) }));
}

/** A bewindspersoon's office's weekly summary: every such item of theirs, with who owns it. */
export function bewindspersoonOverzicht(rijen: readonly HerinneringRij[], kantoor: { readonly bewindspersoon: string; readonly email: string }, datum: string): HerinneringOpzet {
  return {
    soort: 'bewindspersoon',
    periode: isoWeek(datum),
    ontvanger: { email: kantoor.email, naam: `Secretariaat ${kantoor.bewindspersoon}` },
    bewindspersoon: kantoor.bewindspersoon,
    inhoud: inhoudVan(
      rijen.filter((r) => r.termijnDatum),
      datum,
      true,
    ),
  };
}

function meestGenoemd(namen: readonly string[]): string {
  const tel = new Map<string, number>();
  for (const n of namen) tel.set(n, (tel.get(n) ?? 0) + 1);
  return [...tel.entries()].sort(([a, x], [b, y]) => y - x || NUMMERS.compare(a, b))[0][0];
}

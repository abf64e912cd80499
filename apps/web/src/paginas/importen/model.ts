import { Afhandeling, Voorstel, VoorstelStatus } from '../../types';

export const STATUS_IN_BRON: Record<VoorstelStatus, string> = {
  afgedaan: 'Afgedaan',
  'deels-afgedaan': 'Deels afgedaan',
  'in-behandeling': 'In behandeling',
};

export const AFHANDELING_LABEL: Record<Afhandeling, string> = {
  open: 'Open',
  // Decided, its register steps still to finish (after a crash): accepting it again finishes them.
  besloten: 'Wordt verwerkt',
  aanvaard: 'Aanvaard',
  samengevoegd: 'Samengevoegd',
  afgewezen: 'Afgewezen',
  // A newer version of the same Kamer record took its place.
  vervangen: 'Vervangen',
  // The Kamer deleted the record, or it moved to another ministry.
  ingetrokken: 'Ingetrokken',
};

/** What accepting did to the register, in the words of the item's timeline. */
export const STAP_LABEL: Record<string, string> = {
  registratie: 'geregistreerd',
  afdoening: 'afgedaan',
  deelafdoening: 'deels afgedaan',
  voortgang: 'voortgang vastgelegd',
};

export const stappenTekst = (stappen: readonly string[]) => stappen.map((s) => STAP_LABEL[s] ?? s).join(', ');

export const procent = (zekerheid: number) => `${Math.round(zekerheid * 100)}%`;

export const soortLabel = (v: Voorstel) => (v.gegevens.soort === 'motie' ? 'Motie' : 'Toezegging');

/** "Motie 36600-VI-32"; without a valid number the source's spelling follows as `nummerInBron`. */
export function voorstelNaam(v: Voorstel): string {
  return v.gegevens.nummer ? `${soortLabel(v)} ${v.gegevens.nummer}` : `${soortLabel(v)} zonder ${v.gegevens.nummerInBron ? 'geldig ' : ''}nummer`;
}

/** The lines a proposal covers, first to last, whichever way round the reader gave them. */
export function bereik(v: Voorstel): { van: number; tot: number } {
  const { regel, bewijsRegel } = v.gegevens;
  const eind = bewijsRegel > 0 ? bewijsRegel : regel;
  return { van: Math.min(regel, eind), tot: Math.max(regel, eind) };
}

export const ledenTekst = (leden: Voorstel['gegevens']['leden']) => leden.map((l) => (l.fractie ? `${l.naam} (${l.fractie})` : l.naam)).join(', ');

import { OpdrachtAntwoord, STATUS_LABEL } from '../../types';

/** A report as the API answers it, and what its parts tell the page when they changed it. */
export interface Regel {
  readonly volgnummer: number;
  readonly itemId: string;
  readonly soort: 'motie' | 'toezegging';
  readonly nummer: string;
  readonly titel: string;
  readonly sectie: string;
  readonly tekst: string;
  readonly status: 'afgedaan' | 'deels-afgedaan' | 'in-behandeling';
  readonly statuszin: string;
}

export interface Zaak {
  readonly volgnummer: number;
  readonly zaakId: string;
  readonly sectie: string;
  readonly titel: string;
  readonly tekst: string;
}

export interface Overzicht {
  readonly berichtId: string;
  readonly titel: string;
  readonly jaar: number;
  readonly helft: number;
  readonly peildatum: string;
  readonly status: 'Concept' | 'Verzonden';
  readonly verzondenOp: string | null;
  readonly kenmerk: string | null;
  readonly kamerstuk: string | null;
  readonly revisie: number;
  readonly secties: string[];
  readonly toezeggingen: Regel[];
  readonly moties: Regel[];
  readonly aanvullendeZaken: Zaak[];
  readonly telling: { afgedaan: number; deelsAfgedaan: number; inBehandeling: number };
  readonly nietGedekt: { totaal: number; items: { itemId: string; soort: string; nummer: string; titel: string; status: keyof typeof STATUS_LABEL; termijnDatum: string | null }[] };
  readonly vergelijking: null | { vorigBericht: { berichtId: string; titel: string }; nieuwAfgedaan: string[]; nieuw: string[]; nogOpen: string[]; nietMeerGenoemd: string[] };
}

export const VERKLAARD: Record<Regel['status'], string> = { afgedaan: 'Afgedaan', 'deels-afgedaan': 'Deels afgedaan', 'in-behandeling': 'In behandeling' };

export type Gewijzigd = (melding: string, antwoord: OpdrachtAntwoord) => Promise<void>;

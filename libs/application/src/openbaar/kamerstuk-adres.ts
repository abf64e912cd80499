/**
 * The Kamerstuk a reference names, on officielebekendmakingen.nl (kst-<dossier>[-<toevoeging>]-<nr>),
 * or null when it names none. Reads the shapes the letters and the register use: `29628-1250`,
 * `35925-VI-96`, `Kamerstukken II 2024/25, 29628, nr. 1250`, `Kamerstuk 29 628, nr. 1107`,
 * `29.628 nr. 984`, `35925 VI, nr. 96`.
 */
export function kamerstukAdres(referentie: string | null | undefined): string | null {
  if (!referentie) return null;
  const kort = /(?:^|[^\d])([1-9]\d{4})(?:-([A-Z0-9]{1,6}))?-([1-9]\d{0,4})(?![\d])/.exec(referentie);
  const lang = /(?:^|[^\d])([1-9]\d)[ .]?(\d{3})(?:[ -]([A-Z]{1,6}|[IVXLC]+))?,?\s+nr\.?\s*([1-9]\d{0,4})(?![\d])/.exec(referentie);
  const delen = kort ? [kort[1], kort[2], kort[3]] : lang ? [`${lang[1]}${lang[2]}`, lang[3], lang[4]] : undefined;
  if (!delen) return null;
  const [dossier, toevoeging, nr] = delen;
  return `https://zoek.officielebekendmakingen.nl/kst-${dossier}${toevoeging ? `-${toevoeging}` : ''}-${nr}.html`;
}

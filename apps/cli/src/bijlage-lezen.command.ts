import { readFileSync, writeFileSync } from 'node:fs';
import { Command, CommandRunner, Option } from 'nest-commander';
import { GelezenDocument, ImportFout, Kolomindeling, alsBijlageJson, leesDocument } from '@register/import';

interface BijlageLezenOpties {
  json?: boolean;
  kolom?: Record<string, string>;
  kolommen?: string;
  bewaarKolommen?: string;
}

@Command({
  name: 'bijlage-lezen',
  arguments: '<bestand>',
  description:
    'Leest een bijlage (PDF, DOCX, tekst) of een registerlijst (XLSX, CSV) en toont welke moties, toezeggingen en aanvullende zaken ' +
    'de lezer zou voorstellen, met nummer, status en de zin die het laat zien. Schrijft niets in het register. ' +
    'Het formaat wordt herkend aan de inhoud, niet aan de naam. Met --json: precies de uitvoer van de import.',
})
export class BijlageLezenCommand extends CommandRunner {
  async run([bestand]: string[], opties: BijlageLezenOpties): Promise<void> {
    const kolommen: Record<string, string> = {};
    if (opties.kolommen) Object.assign(kolommen, leesKolomindeling(opties.kolommen));
    if (opties.kolom) Object.assign(kolommen, opties.kolom);
    let document: GelezenDocument;
    try {
      document = await leesDocument(readFileSync(bestand), Object.keys(kolommen).length > 0 ? { kolommen } : {});
    } catch (e) {
      if (e instanceof ImportFout) {
        process.stderr.write(`${e.message} (${e.code})\n`);
        process.exitCode = 1;
        return;
      }
      throw e;
    }
    if (opties.bewaarKolommen) {
      // The mapping file is the clerk's own, outside the register: saving it writes nothing in the register.
      writeFileSync(opties.bewaarKolommen, `${JSON.stringify(kolommen, null, 2)}\n`);
      process.stderr.write(`Kolomindeling bewaard in ${opties.bewaarKolommen}.\n`);
    }
    if (opties.json) {
      process.stdout.write(`${JSON.stringify(alsBijlageJson(document), null, 2)}\n`);
      return;
    }
    process.stdout.write(samenvatting(document));
  }

  @Option({ flags: '--json', description: 'druk het voorstel af als JSON (items, aanvullendeZaken, waarschuwingen)' })
  json(): boolean {
    return true;
  }

  @Option({ flags: '--kolom <veld=kop>', description: 'spreadsheets: welke kolom welk veld bevat, bv. --kolom titel="Omschrijving" (herhaalbaar)' })
  kolom(waarde: string, vorige: Record<string, string> = {}): Record<string, string> {
    const m = /^([A-Za-z]+)=(.+)$/.exec(waarde);
    if (!m) throw new Error(`--kolom verwacht veld=kop, niet "${waarde}".`);
    return { ...vorige, [m[1]]: m[2].replace(/^["']|["']$/g, '') };
  }

  @Option({ flags: '--kolommen <bestand.json>', description: 'spreadsheets: lees een bewaarde kolomindeling ({"titel": "Omschrijving", …})' })
  kolommen(waarde: string): string {
    return waarde;
  }

  @Option({ flags: '--bewaar-kolommen <bestand.json>', description: 'bewaar de gebruikte kolomindeling (uit --kolom en --kolommen) voor een volgende keer' })
  bewaarKolommen(waarde: string): string {
    return waarde;
  }
}

function leesKolomindeling(pad: string): Kolomindeling {
  const inhoud: unknown = JSON.parse(readFileSync(pad, 'utf8'));
  if (typeof inhoud !== 'object' || inhoud === null || Array.isArray(inhoud) || !Object.values(inhoud).every((v) => typeof v === 'string')) {
    throw new Error(`${pad} is geen kolomindeling: verwacht een JSON-object van veld naar kolomkop.`);
  }
  return inhoud as Kolomindeling;
}

const STATUS: Record<string, string> = { afgedaan: 'afgedaan', 'deels-afgedaan': 'deels afgedaan', 'in-behandeling': 'in behandeling' };

function samenvatting(d: GelezenDocument): string {
  const uit: string[] = [];
  const brief = [d.brief.onderwerp, d.brief.datum && `datum ${d.brief.datum}`, d.brief.kenmerk && `kenmerk ${d.brief.kenmerk}`].filter(Boolean).join(', ');
  uit.push(`Formaat: ${d.formaat.toUpperCase()}, ${d.regels.length} regels${brief ? `; ${brief}` : ''}.`);
  const behandeld = d.items.filter((i) => i.rol === 'behandeld');
  const telling = (soort: string): number => behandeld.filter((i) => i.soort === soort).length;
  uit.push(`Voorstellen: ${telling('motie')} moties en ${telling('toezegging')} toezeggingen behandeld, ${d.items.length - behandeld.length} alleen genoemd, ${d.aanvullendeZaken.length} aanvullende zaken.`);
  uit.push('Er is niets in het register geschreven.', '');
  const kop = ['regel', 'soort', 'nummer', 'status', 'rol', 'leden', 'titel'];
  const rijen = d.items.map((i) => [
    String(i.regel),
    i.soort,
    i.nummer ?? (i.nummerInBron ? `${i.nummerInBron} (ongeldig)` : '–'),
    i.status ? STATUS[i.status] : '–',
    i.rol,
    i.leden.map((l) => (l.fractie ? `${l.naam} (${l.fractie})` : l.naam)).join(', ') || '–',
    i.titel.length > 70 ? `${i.titel.slice(0, 69)}…` : i.titel,
  ]);
  const breedte = kop.map((k, n) => Math.max(k.length, ...rijen.map((r) => Math.min(r[n].length, n === 6 ? 70 : 30))));
  const opmaak = (r: string[]): string => r.map((c, n) => c.padEnd(breedte[n])).join('  ').trimEnd();
  uit.push(opmaak(kop), breedte.map((b) => '-'.repeat(b)).join('  '), ...rijen.map(opmaak));
  if (d.aanvullendeZaken.length > 0) uit.push('', 'Aanvullende zaken:', ...d.aanvullendeZaken.map((z) => `  regel ${z.regel}: ${z.titel}`));
  if (d.waarschuwingen.length > 0) uit.push('', 'Waarschuwingen:', ...d.waarschuwingen.map((w) => `  - ${w}`));
  return `${uit.join('\n')}\n`;
}

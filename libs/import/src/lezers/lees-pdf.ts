/*
 * PDF via pdfjs-dist (legacy build, Node 20), in a worker thread with a time and memory limit so a hostile
 * PDF cannot hang or exhaust the server. Lines are rebuilt from the text items' positions; small raised digits
 * (footnote markers) become superscripts, which the normaliser then pairs with the footnotes at the page foot.
 */

import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { ImportFout } from '../import-fout';

export const PDF_MAX_PAGINAS = 400;
export const PDF_TIMEOUT_MS = 30_000;
export const PDF_MAX_GEHEUGEN_MB = 512;

type WorkerAntwoord = { ok: true; regels: string[] } | { ok: false; naam: string; bericht: string };

// Plain JavaScript, evaluated in the worker: no TypeScript build step needed for it to run under Jest or Nest.
const WORKER = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const SUP = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
(async () => {
  try {
    const pdfjs = await import(workerData.pdfjs);
    const doc = await pdfjs.getDocument({ data: new Uint8Array(workerData.bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: false }).promise;
    if (doc.numPages > workerData.maxPaginas) throw Object.assign(new Error('te veel pagina’s: ' + doc.numPages), { name: 'TeVeelPaginas' });
    const regels = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items = content.items.filter((i) => typeof i.str === 'string' && i.str.length > 0).map((i) => ({ s: i.str, x: i.transform[4], y: i.transform[5], h: Math.abs(i.height || i.transform[3] || 10), w: i.width || 0 }));
      const hoogtes = items.map((i) => i.h).sort((a, b) => a - b);
      const mediaan = hoogtes.length ? hoogtes[Math.floor(hoogtes.length / 2)] : 10;
      const lijnen = [];
      for (const it of items.sort((a, b) => b.y - a.y || a.x - b.x)) {
        let lijn = lijnen.find((l) => Math.abs(l.y - it.y) <= mediaan * 0.45);
        if (!lijn) { lijn = { y: it.y, items: [] }; lijnen.push(lijn); }
        lijn.items.push(it);
      }
      lijnen.sort((a, b) => b.y - a.y);
      let vorigeY = null;
      for (const l of lijnen) {
        l.items.sort((a, b) => a.x - b.x);
        let tekst = '';
        let eind = null;
        for (const it of l.items) {
          let s = it.s;
          const klein = it.h < mediaan * 0.8 && it.y > l.y - 0.5 && /^\d{1,3}$/.test(s.trim());
          if (klein && (tekst.length > 0 || l.items.length > 1)) s = s.trim().split('').map((c) => SUP[c] || c).join('');
          if (eind !== null && it.x - eind > mediaan * 0.2 && !tekst.endsWith(' ') && !s.startsWith(' ') && !klein) tekst += ' ';
          tekst += s;
          eind = it.x + it.w;
        }
        if (vorigeY !== null && vorigeY - l.y > mediaan * 1.9) regels.push('');
        regels.push(tekst.replace(/\s+$/, ''));
        vorigeY = l.y;
      }
      regels.push('');
      page.cleanup();
    }
    await doc.destroy();
    parentPort.postMessage({ ok: true, regels });
  } catch (e) {
    parentPort.postMessage({ ok: false, naam: (e && e.name) || 'Error', bericht: String((e && e.message) || e).slice(0, 200) });
  }
})();
`;

export async function leesPdf(bytes: Uint8Array): Promise<string[]> {
  const pdfjs = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;
  const antwoord = await new Promise<WorkerAntwoord>((resolve, reject) => {
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { bytes: Buffer.from(bytes), pdfjs, maxPaginas: PDF_MAX_PAGINAS },
      resourceLimits: { maxOldGenerationSizeMb: PDF_MAX_GEHEUGEN_MB, maxYoungGenerationSizeMb: 64 },
    });
    const klok = setTimeout(() => {
      void worker.terminate();
      reject(new ImportFout('pdf-te-zwaar', `Het lezen van de PDF duurde langer dan ${PDF_TIMEOUT_MS / 1000} seconden en is afgebroken.`));
    }, PDF_TIMEOUT_MS);
    worker.once('message', (m: WorkerAntwoord) => {
      clearTimeout(klok);
      void worker.terminate();
      resolve(m);
    });
    worker.once('error', () => {
      clearTimeout(klok);
      reject(new ImportFout('pdf-te-zwaar', 'De PDF kon niet binnen de grenzen van geheugen en tijd worden gelezen.'));
    });
    worker.once('exit', (code) => {
      clearTimeout(klok);
      if (code !== 0) reject(new ImportFout('pdf-te-zwaar', 'Het lezen van de PDF is afgebroken (te veel geheugen nodig).'));
    });
  });
  if (!antwoord.ok) {
    switch (antwoord.naam) {
      case 'PasswordException':
        throw new ImportFout('pdf-wachtwoord', 'De PDF is met een wachtwoord beveiligd; sla hem zonder beveiliging op en probeer het opnieuw.');
      case 'TeVeelPaginas':
        throw new ImportFout('pdf-te-zwaar', `De PDF heeft meer dan ${PDF_MAX_PAGINAS} pagina’s (${antwoord.bericht}).`);
      default:
        // pdf.js's message is English ("Invalid PDF structure."): not for the clerk.
        throw new ImportFout('pdf-beschadigd', 'De PDF is beschadigd of ongeldig en kan niet worden gelezen. Sla hem opnieuw op als PDF en probeer het nog eens.');
    }
  }
  if (antwoord.regels.every((r) => r.trim() === '')) {
    throw new ImportFout('geen-tekst', 'De PDF bevat geen tekst (waarschijnlijk een scan zonder tekstlaag); de lezer doet geen tekstherkenning.');
  }
  return antwoord.regels;
}

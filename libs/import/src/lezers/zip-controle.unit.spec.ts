import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImportFout } from '../import-fout';
import { herkenFormaat, leesDocument } from '../lees-document';
import { controleerZip } from './zip-controle';

const MAP = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'import');
const bestand = (naam: string): Buffer => readFileSync(join(MAP, naam));

function foutVan(doe: () => unknown): ImportFout {
  try {
    doe();
  } catch (e) {
    if (e instanceof ImportFout) return e;
    throw e;
  }
  throw new Error('geen fout');
}

async function leesFout(bytes: Uint8Array): Promise<ImportFout> {
  try {
    await leesDocument(bytes);
  } catch (e) {
    if (e instanceof ImportFout) return e;
    throw e;
  }
  throw new Error('geen fout');
}

/** The same DOCX with another uncompressed size declared for one part, in its local header and in the central directory. */
function metVerklaardeGrootte(zip: Buffer, naam: string, grootte: number): Buffer {
  const uit = Buffer.from(zip);
  const n = Buffer.from(naam);
  for (let p = 0; p + 46 < uit.length; p++) {
    const sig = uit.readUInt32LE(p);
    if (sig === 0x04034b50 && uit.subarray(p + 30, p + 30 + n.length).equals(n)) uit.writeUInt32LE(grootte, p + 22);
    if (sig === 0x02014b50 && uit.subarray(p + 46, p + 46 + n.length).equals(n)) uit.writeUInt32LE(grootte, p + 24);
  }
  return uit;
}

/** English words of the reader libraries (jszip, mammoth, xmldom, exceljs) that must never reach the clerk. */
const ENGELS = /\b(?:Bug|error|Error|Corrupted|Encrypted|unknown|not supported|mismatch|inner file)\b/;

describe('zip check: inflates every entry itself, bounded', () => {
  it('refuses a DOCX whose central directory lies about the size (400 kB declared, 200 MB inside) before mammoth opens it', async () => {
    const bom = bestand('zipbom-leugen.docx');
    expect(bom.length).toBeLessThan(1024 * 1024);
    const voor = process.memoryUsage().arrayBuffers;
    const f = foutVan(() => herkenFormaat(bom));
    expect(f).toMatchObject({ code: 'zip-bom', status: 400 });
    expect(f.message).toContain('word/document.xml');
    expect(f.message).not.toMatch(ENGELS);
    // Bounded: at most the declared size (+1) was inflated, not the 200 MB.
    expect(process.memoryUsage().arrayBuffers - voor).toBeLessThan(50 * 1024 * 1024);
    expect(await leesFout(bom)).toMatchObject({ code: 'zip-bom' });
  });

  it('refuses a part that inflates to less than it declares', () => {
    const f = foutVan(() => controleerZip(metVerklaardeGrootte(bestand('bijlage.docx'), 'word/document.xml', 900_000)));
    expect(f).toMatchObject({ code: 'zip-bom' });
    expect(f.message).not.toMatch(ENGELS);
  });

  it('refuses a part whose CRC-32 does not match its content', () => {
    const f = foutVan(() => controleerZip(bestand('zip-crc.docx')));
    expect(f).toMatchObject({ code: 'zip-bom' });
    expect(f.message).toMatch(/controlegetal/);
  });

  it('refuses encrypted parts and unsupported compression methods with a Dutch message', async () => {
    const versleuteld = await leesFout(bestand('zip-versleuteld.docx'));
    expect(versleuteld).toMatchObject({ code: 'beschadigd-bestand', status: 400 });
    expect(versleuteld.message).toMatch(/versleuteld/);
    expect(versleuteld.message).not.toMatch(ENGELS);
    const methode = await leesFout(bestand('zip-methode.docx'));
    expect(methode).toMatchObject({ code: 'beschadigd-bestand', status: 400 });
    expect(methode.message).toMatch(/compressiemethode 14/);
    expect(methode.message).not.toMatch(ENGELS);
  });

  it('maps a reader library error to a Dutch beschadigd-bestand without its English text', async () => {
    const f = await leesFout(bestand('docx-kapot.docx'));
    expect(f).toMatchObject({ code: 'beschadigd-bestand', status: 400 });
    expect(f.message).toMatch(/^Het Word-document/);
    expect(f.message).not.toMatch(ENGELS);
    expect(f.message).not.toMatch(/xmldom|Hierarchy/);
  });

  it('still opens honest documents and refuses the honest zip bomb', async () => {
    expect(controleerZip(bestand('bijlage.docx')).has('word/document.xml')).toBe(true);
    expect(controleerZip(bestand('register-formules.xlsx')).has('xl/workbook.xml')).toBe(true);
    expect(controleerZip(bestand(join('andere', 'fin-begroting-tabel-2025.docx'))).has('word/document.xml')).toBe(true);
    expect(foutVan(() => controleerZip(bestand('zipbom.docx')))).toMatchObject({ code: 'zip-bom' });
    expect((await leesDocument(bestand('bijlage.docx'))).items).toHaveLength(2);
  });
});

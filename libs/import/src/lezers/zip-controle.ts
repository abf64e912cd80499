/*
 * Reads a zip's central directory without inflating anything, so a zip bomb is refused before mammoth or
 * exceljs see it: too many entries, too large uncompressed, or a compression ratio no real document has.
 */

import { ImportFout } from '../import-fout';

export const ZIP_MAX_UITGEPAKT = 50 * 1024 * 1024;
export const ZIP_MAX_RATIO = 100;
export const ZIP_MAX_ITEMS = 2000;

export interface ZipItem {
  readonly naam: string;
  readonly gecomprimeerd: number;
  readonly uitgepakt: number;
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The entries of the central directory; throws 'beschadigd-bestand' when there is none. */
export function zipInhoud(bytes: Uint8Array): ZipItem[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ImportFout('beschadigd-bestand', 'Het zip-bestand (DOCX/XLSX) is beschadigd: de inhoudsopgave ontbreekt.');
  const aantal = buf.readUInt16LE(eocd + 10);
  const grootte = buf.readUInt32LE(eocd + 12);
  const begin = buf.readUInt32LE(eocd + 16);
  if (aantal === 0xffff || begin === 0xffffffff) throw new ImportFout('zip-bom', 'Het bestand gebruikt ZIP64; zo groot is geen Word- of Excel-document dat wij inlezen.');
  if (aantal > ZIP_MAX_ITEMS) throw new ImportFout('zip-bom', `Het bestand bevat ${aantal} onderdelen; dat is geen gewoon document (maximaal ${ZIP_MAX_ITEMS}).`);
  if (begin + grootte > buf.length) throw new ImportFout('beschadigd-bestand', 'Het zip-bestand (DOCX/XLSX) is beschadigd: de inhoudsopgave wijst buiten het bestand.');
  const items: ZipItem[] = [];
  let p = begin;
  for (let n = 0; n < aantal; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new ImportFout('beschadigd-bestand', 'Het zip-bestand (DOCX/XLSX) is beschadigd.');
    const gecomprimeerd = buf.readUInt32LE(p + 20);
    const uitgepakt = buf.readUInt32LE(p + 24);
    const naamLengte = buf.readUInt16LE(p + 28);
    const extraLengte = buf.readUInt16LE(p + 30);
    const commentaarLengte = buf.readUInt16LE(p + 32);
    const naam = buf.toString('utf8', p + 46, p + 46 + naamLengte);
    items.push({ naam, gecomprimeerd, uitgepakt });
    p += 46 + naamLengte + extraLengte + commentaarLengte;
  }
  return items;
}

/** Refuses what would unpack to too much; returns the entry names. */
export function controleerZip(bytes: Uint8Array): Set<string> {
  const items = zipInhoud(bytes);
  const uitgepakt = items.reduce((s, i) => s + i.uitgepakt, 0);
  const gecomprimeerd = items.reduce((s, i) => s + i.gecomprimeerd, 0);
  if (uitgepakt > ZIP_MAX_UITGEPAKT) {
    throw new ImportFout('zip-bom', `Het bestand pakt uit tot ${Math.round(uitgepakt / 1024 / 1024)} MB (maximaal ${ZIP_MAX_UITGEPAKT / 1024 / 1024} MB); het wordt niet geopend.`);
  }
  for (const i of items) {
    if (i.uitgepakt > 1024 * 1024 && i.uitgepakt / Math.max(1, i.gecomprimeerd) > ZIP_MAX_RATIO) {
      throw new ImportFout('zip-bom', `Het onderdeel ${i.naam} is ${Math.round(i.uitgepakt / Math.max(1, i.gecomprimeerd))} keer samengeperst; dat doet geen gewoon document. Het bestand wordt niet geopend.`);
    }
  }
  if (uitgepakt > 1024 * 1024 && uitgepakt / Math.max(1, gecomprimeerd) > ZIP_MAX_RATIO) {
    throw new ImportFout('zip-bom', 'Het bestand is verdacht sterk samengeperst (zip-bom); het wordt niet geopend.');
  }
  return new Set(items.map((i) => i.naam));
}

/*
 * Checks a zip before mammoth or exceljs see it. Their jszip inflates every entry in full and only then compares
 * the size with the header, so a central directory that lies (400 kB declared, 3 GB inside) would cost gigabytes.
 * First the central directory: too many entries, too large, a ratio no real document has. Then every entry is
 * inflated here, one at a time and never past its declared size (nor past the limit) + 1 byte, and must give
 * exactly the declared size and CRC-32; its bytes are dropped at once, so memory stays bounded by the largest entry.
 */

import { crc32, inflateRawSync } from 'node:zlib';
import { ImportFout } from '../import-fout';

export const ZIP_MAX_UITGEPAKT = 50 * 1024 * 1024;
export const ZIP_MAX_RATIO = 100;
export const ZIP_MAX_ITEMS = 2000;

const OPGESLAGEN = 0;
const DEFLATE = 8;

export interface ZipItem {
  readonly naam: string;
  readonly gecomprimeerd: number;
  readonly uitgepakt: number;
  readonly methode: number;
  /** General purpose bit flag; bit 0: encrypted. */
  readonly vlag: number;
  readonly crc: number;
  readonly lokaleKop: number;
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

const beschadigd = (waarom: string): ImportFout => new ImportFout('beschadigd-bestand', `Het zip-bestand (DOCX/XLSX) is beschadigd: ${waarom}.`);

/** The entries of the central directory; throws 'beschadigd-bestand' when there is none. */
export function zipInhoud(bytes: Uint8Array): ZipItem[] {
  return inhoudsopgave(bytes).items;
}

/** The entries, and where the central directory begins: no entry's data may run into it. */
function inhoudsopgave(bytes: Uint8Array): { items: ZipItem[]; begin: number } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw beschadigd('de inhoudsopgave ontbreekt');
  const aantal = buf.readUInt16LE(eocd + 10);
  const grootte = buf.readUInt32LE(eocd + 12);
  const begin = buf.readUInt32LE(eocd + 16);
  if (aantal === 0xffff || begin === 0xffffffff) throw new ImportFout('zip-bom', 'Het bestand gebruikt ZIP64; zo groot is geen Word- of Excel-document dat wij inlezen.');
  if (aantal > ZIP_MAX_ITEMS) throw new ImportFout('zip-bom', `Het bestand bevat ${aantal} onderdelen; dat is geen gewoon document (maximaal ${ZIP_MAX_ITEMS}).`);
  // jszip shifts every offset when the directory is not where the end record says; then it would read other bytes than we check.
  if (begin + grootte !== eocd) throw beschadigd('de inhoudsopgave staat niet waar het bestand zegt');
  const items: ZipItem[] = [];
  let p = begin;
  for (let n = 0; n < aantal; n++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== 0x02014b50) throw beschadigd('de inhoudsopgave is onleesbaar');
    const naamLengte = buf.readUInt16LE(p + 28);
    const extraLengte = buf.readUInt16LE(p + 30);
    const commentaarLengte = buf.readUInt16LE(p + 32);
    items.push({
      naam: buf.toString('utf8', p + 46, p + 46 + naamLengte),
      vlag: buf.readUInt16LE(p + 8),
      methode: buf.readUInt16LE(p + 10),
      crc: buf.readUInt32LE(p + 16),
      gecomprimeerd: buf.readUInt32LE(p + 20),
      uitgepakt: buf.readUInt32LE(p + 24),
      lokaleKop: buf.readUInt32LE(p + 42),
    });
    p += 46 + naamLengte + extraLengte + commentaarLengte;
  }
  return { items, begin };
}

/** The compressed bytes of an entry, found through its local header (whose own sizes may be zero: data descriptor). */
function gegevensVan(buf: Buffer, item: ZipItem, eindeGegevens: number): Buffer {
  const p = item.lokaleKop;
  if (p + 30 > eindeGegevens || buf.readUInt32LE(p) !== 0x04034b50) throw beschadigd(`het onderdeel ${item.naam} ontbreekt`);
  const begin = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  if (begin + item.gecomprimeerd > eindeGegevens) throw beschadigd(`het onderdeel ${item.naam} loopt buiten het bestand`);
  return buf.subarray(begin, begin + item.gecomprimeerd);
}

const bom = (naam: string, waarom: string): ImportFout => new ImportFout('zip-bom', `Het onderdeel ${naam} ${waarom}; het bestand wordt niet geopend.`);

/** Inflates one entry, at most to its declared size + 1 byte, and checks size and CRC-32 against the directory. */
function controleerItem(buf: Buffer, item: ZipItem, eindeGegevens: number): void {
  if (item.vlag & 0x1) {
    throw new ImportFout('beschadigd-bestand', `Het onderdeel ${item.naam} is versleuteld (met een wachtwoord beveiligd); sla het document zonder beveiliging op en probeer het opnieuw.`);
  }
  if (item.methode !== OPGESLAGEN && item.methode !== DEFLATE) {
    throw new ImportFout('beschadigd-bestand', `Het onderdeel ${item.naam} gebruikt compressiemethode ${item.methode}; Word- en Excel-documenten gebruiken alleen deflate (8) of geen compressie (0). Sla het bestand opnieuw op in Word of Excel.`);
  }
  const gegevens = gegevensVan(buf, item, eindeGegevens);
  let uitgepakt: Buffer;
  if (item.methode === OPGESLAGEN) {
    uitgepakt = gegevens;
  } else {
    try {
      uitgepakt = inflateRawSync(gegevens, { maxOutputLength: Math.min(item.uitgepakt, ZIP_MAX_UITGEPAKT) + 1 });
    } catch (e) {
      if (e instanceof RangeError || (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw bom(item.naam, `pakt uit tot meer dan de ${item.uitgepakt} bytes die het opgeeft`);
      }
      throw beschadigd(`het onderdeel ${item.naam} is niet uit te pakken`);
    }
  }
  if (uitgepakt.length !== item.uitgepakt) throw bom(item.naam, `pakt uit tot ${uitgepakt.length} bytes, maar geeft ${item.uitgepakt} bytes op`);
  if (crc32(uitgepakt) !== item.crc) throw bom(item.naam, 'heeft een controlegetal (CRC-32) dat niet bij de inhoud past');
}

/** Refuses what would unpack to too much, or to anything else than its directory says; returns the entry names. */
export function controleerZip(bytes: Uint8Array): Set<string> {
  const { items, begin } = inhoudsopgave(bytes);
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
  // Every entry gives exactly its declared size (checked below), so the total stays within the limit checked above.
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const item of items) controleerItem(buf, item, begin);
  return new Set(items.map((i) => i.naam));
}

import fc from 'fast-check';
import { foldLines } from 'ical-generator';
import { AgendaItem, agendaFeed, vouw } from './agenda-feed';

const item = (n: number, titel: string): AgendaItem => ({
  itemId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  soort: n % 2 ? 'motie' : 'toezegging',
  nummer: `29628-${n}`,
  titel,
  bewindspersoon: 'minister van Justitie en Veiligheid',
  termijnDatum: '2026-12-20',
  termijnOmschrijving: 'vóór de zomer',
  behandelaarNaam: 'Fenna Fictief',
  behandelaarDirectie: 'Directie Politie',
  revisie: n,
  laatsteWijzigingOp: '2026-12-01T10:00:00.000Z',
});

describe('calendar feed', () => {
  it('folds lines to the very bytes ical-generator folds them to', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', 'é', '€', '😀', ' ', ',', ';', '\\', 'x'.repeat(30)), maxLength: 120 }), { maxLength: 6 }), (regels) => {
        const tekst = regels.join('\r\n');
        expect(vouw(tekst)).toBe(foldLines(tekst));
      }),
    );
  });

  it('writes every event, one by one, as the library does for the whole calendar', async () => {
    const items = Array.from({ length: 600 }, (_, i) => item(i, `Motie over ${'gezichtsherkenning en privacy — één '.repeat((i % 5) + 1)}${i}`));
    const ics = await agendaFeed('Termijnen: mijn items', items, 'https://register.example.org');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR')).toBe(true);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(600);
    expect(ics.split('\r\n').every((r) => Buffer.byteLength(r) <= 75)).toBe(true);
    // Unfolded, the text is what ical-generator's own calendar would say.
    expect(ics.replace(/\r\n /g, '')).toContain('SUMMARY:Termijn 29628-5: Motie over gezichtsherkenning en privacy — één 5');
  });

  it('keeps a name or title with line breaks on its own line: no property or event can be slipped in', async () => {
    const ics = await agendaFeed('Termijnen: x\r\nBEGIN:VEVENT\r\nX-EVIL:1', [item(1, 'T\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:=evil')], 'https://register.example.org');
    expect(ics.match(/^BEGIN:VEVENT/gm)).toHaveLength(1);
    expect(ics).not.toMatch(/^X-EVIL/m);
    expect(ics).not.toMatch(/^SUMMARY:=evil/m);
  });
});

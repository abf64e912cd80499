import { kamerstukAdres } from './kamerstuk-adres';

describe('kamerstukAdres', () => {
  it.each([
    ['29628-1250', 'https://zoek.officielebekendmakingen.nl/kst-29628-1250.html'],
    ['35925-VI-96', 'https://zoek.officielebekendmakingen.nl/kst-35925-VI-96.html'],
    ['Kamerstukken II 2024/25, 29628, nr. 1250', 'https://zoek.officielebekendmakingen.nl/kst-29628-1250.html'],
    ['Kamerstuk 29 628, nr. 1107', 'https://zoek.officielebekendmakingen.nl/kst-29628-1107.html'],
    ['29.628 nr. 984', 'https://zoek.officielebekendmakingen.nl/kst-29628-984.html'],
    ['Kamerstukken II 2021/22, 35925 VI, nr. 96', 'https://zoek.officielebekendmakingen.nl/kst-35925-VI-96.html'],
    ['brief van 3 maart 2025, Kamerstuk 31066-1400', 'https://zoek.officielebekendmakingen.nl/kst-31066-1400.html'],
  ])('reads %s', (referentie, adres) => {
    expect(kamerstukAdres(referentie)).toBe(adres);
  });

  it.each(['Eerste halfjaarbericht politie 2025 (kenmerk 6301234)', 'brief van 3 maart 2025', 'TZ202412-156', '', null])('names no Kamerstuk in %p', (referentie) => {
    expect(kamerstukAdres(referentie)).toBeNull();
  });
});

import { neutraliseerFormule } from './spreadsheet-formule';

describe('neutraliseerFormule', () => {
  it.each([
    ['=HYPERLINK("http://aanvaller.example","klik")'],
    ['+31 70 1234567'],
    ['-2+3+cmd|\' /C calc\'!A0'],
    ['@SUM(1+1)'],
    ['\t=1+1'],
    ['\rx'],
    ['\tgewone tekst na een tab'],
    ['  =1+1'],
    ['\n\n@SUM(A1)'],
    ['\u00A0-1'],
    ['＝1+1'],
    ['＋1'],
    ['－1'],
    ['＠SUM(A1)'],
  ])('prefixes %j with a single quote', (waarde) => {
    expect(neutraliseerFormule(waarde)).toBe(`'${waarde}`);
  });

  it.each([['Informeren over het aantal agenten'], ['29628-1230'], ['Kamerstukken II 2024/25, 29628, nr. 1230'], ['a=b'], ['  gewoon'], [''], ["'=al geneutraliseerd"], ['E-mail @ministerie']])(
    'leaves %j as it is',
    (waarde) => {
      expect(neutraliseerFormule(waarde)).toBe(waarde);
    },
  );
});

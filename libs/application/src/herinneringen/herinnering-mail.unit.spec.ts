import { HerinneringVoorbereidData } from '@register/domain';
import { herinneringMail, herinneringOnderwerp } from './herinnering-mail';
import { zonderSmtpGeheim } from './mail-verzender';

const item = (titel: string) => ({ itemId: 'a1b2', soort: 'motie' as const, nummer: '29628-1', titel, termijnDatum: '2026-11-01', termijnOmschrijving: '', behandelaar: null });
const data = (titel: string, extra: Partial<HerinneringVoorbereidData> = {}): HerinneringVoorbereidData => ({
  herinneringId: 'h',
  soort: 'behandelaar',
  periode: '2026-12-03',
  datum: '2026-12-03',
  dagen: 30,
  ontvanger: { email: 'a@example.org', naam: 'A <b>Jansen</b>' },
  bewindspersoon: null,
  onderwerp: 'Termijnen in het register: 1 over de termijn',
  messageId: '<h@example.org>',
  inhoud: { achterstallig: [item(titel)], binnenkort: [], aantalAchterstallig: 1, aantalBinnenkort: 0 },
  ...extra,
});

describe('reminder mail', () => {
  it('escapes every text from the register in the HTML part, and keeps it as typed in the plain-text part', () => {
    const mail = herinneringMail(data(`<img src=x onerror=alert(1)> "quote" 'single' & =SUM(A1)`), 'https://register.example.org/');
    expect(mail.html).not.toMatch(/<img|<b>/);
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt; &quot;quote&quot; &#39;single&#39; &amp; =SUM(A1)');
    expect(mail.html).toContain('Beste A &lt;b&gt;Jansen&lt;/b&gt;,');
    expect(mail.html).toContain('href="https://register.example.org/items/a1b2"');
    expect(mail.tekst).toContain(`<img src=x onerror=alert(1)> "quote" 'single' & =SUM(A1)`);
    expect(mail.tekst).toContain('https://register.example.org/items/a1b2');
  });

  it('keeps a subject on one line, whatever a name in the register holds', () => {
    const onderwerp = herinneringOnderwerp({ soort: 'bewindspersoon', bewindspersoon: 'minister\r\nBcc: iemand@example.org', periode: '2026-W49', inhoud: data('x').inhoud });
    expect(onderwerp).toBe('Weekoverzicht termijnen minister Bcc: iemand@example.org (week 49): 1 over de termijn');
    expect(onderwerp).not.toMatch(/[\r\n]/);
  });

  it('says how far a termijn is over or ahead', () => {
    expect(herinneringMail(data('x'), 'https://r.example.org').tekst).toContain('termijn 1 november 2026, 32 dagen over de termijn');
  });
});

describe('the SMTP password in messages', () => {
  it('is hidden as written in SMTP_URL and decoded, and no smtp:// URL shows its credentials', () => {
    const url = 'smtp://register:p%40ss%3Aw0rd@mail.example.org:587';
    expect(zonderSmtpGeheim('535 login p@ss:w0rd refused', url)).toBe('535 login *** refused');
    expect(zonderSmtpGeheim('bad p%40ss%3Aw0rd', url)).toBe('bad ***');
    expect(zonderSmtpGeheim('connect to smtp://register:p@ss@mail.example.org failed', url)).toBe('connect to smtp://***@mail.example.org failed');
    expect(zonderSmtpGeheim('ECONNREFUSED 127.0.0.1:587', undefined)).toBe('ECONNREFUSED 127.0.0.1:587');
  });
});

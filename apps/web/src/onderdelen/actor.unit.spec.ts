import { describe, expect, it } from '@jest/globals';
import { wieNl } from './actor';

describe('wieNl: the actor of an event as Dutch reads it after "door"', () => {
  it('leaves a register user as named', () => {
    expect(wieNl('griffier.jansen')).toBe('griffier.jansen');
    expect(wieNl('liaison@minjenv.nl')).toBe('liaison@minjenv.nl');
  });

  it('names what is not a person by what it is, without the technical prefix', () => {
    expect(`door ${wieNl('halfjaarbericht:Eerste halfjaarbericht politie 2025')}`).toBe('door het halfjaarbericht Eerste halfjaarbericht politie 2025');
    expect(wieNl('import:bijlage-2025.pdf')).toBe('de import bijlage-2025.pdf');
    expect(wieNl('cli:root')).toBe('root via de opdrachtregel');
    expect(wieNl('oidc:j.jansen')).toBe('j.jansen (aangemeld via de identiteitsprovider)');
    expect(wieNl('demo-laden')).toBe('het demoregister (demo-laden)');
  });

  it('shows an unknown prefix after the name rather than before it, and keeps odd values whole', () => {
    expect(wieNl('koppeling:Tweede Kamer')).toBe('Tweede Kamer (koppeling)');
    expect(wieNl('halfjaarbericht:')).toBe('halfjaarbericht:');
    expect(wieNl(':x')).toBe(':x');
  });
});

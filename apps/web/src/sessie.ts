/**
 * Who is signed in. The token lives in sessionStorage: it is gone when the browser tab closes and is
 * never written to a cookie, so no other site can make the browser use it.
 */
export type Rol = 'griffier' | 'auditor' | 'liaison' | 'beheerder';

export interface Gebruiker {
  readonly token: string;
  readonly naam: string;
  readonly rollen: readonly Rol[];
}

const SLEUTEL = 'register.sessie';
const luisteraars = new Set<() => void>();

export const sessie = {
  huidig(): Gebruiker | null {
    const tekst = sessionStorage.getItem(SLEUTEL);
    return tekst ? (JSON.parse(tekst) as Gebruiker) : null;
  },
  token(): string | null {
    return this.huidig()?.token ?? null;
  },
  aanmelden(gebruiker: Gebruiker): void {
    sessionStorage.setItem(SLEUTEL, JSON.stringify(gebruiker));
    luisteraars.forEach((l) => l());
  },
  afmelden(): void {
    sessionStorage.removeItem(SLEUTEL);
    luisteraars.forEach((l) => l());
  },
  heeft(...rollen: Rol[]): boolean {
    const g = this.huidig();
    return !!g && g.rollen.some((r) => rollen.includes(r));
  },
  volg(luisteraar: () => void): () => void {
    luisteraars.add(luisteraar);
    return () => luisteraars.delete(luisteraar);
  },
};

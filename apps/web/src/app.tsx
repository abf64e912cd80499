import { Alert, Button, Footer, Heading, Link, NavBar, PageContent, Paragraph, SkipLink } from '@rijkshuisstijl-community/components-react';
import { ReactNode, useEffect, useState } from 'react';
import { AanmeldenPagina } from './paginas/aanmelden';
import { AgendaPagina } from './paginas/agenda';
import { AuditPagina } from './paginas/audit';
import { BeheerPagina } from './paginas/beheer';
import { DashboardPagina } from './paginas/dashboard';
import { HalfjaarberichtPagina } from './paginas/halfjaarbericht';
import { HalfjaarberichtenPagina } from './paginas/halfjaarberichten';
import { ImportPagina } from './paginas/import';
import { ImportenPagina } from './paginas/importen';
import { ItemPagina } from './paginas/item';
import { KamerPagina } from './paginas/kamer';
import { NieuwItemPagina } from './paginas/nieuw-item';
import { OverdrachtPagina, OverdrachtResultaatPagina } from './paginas/overdracht';
import { RappelPagina } from './paginas/rappel';
import { RegisterPagina } from './paginas/register';
import { metZoek, navigeer, useLocatie } from './router';
import { Rol, sessie } from './sessie';

interface Route {
  readonly patroon: RegExp;
  readonly rollen: readonly Rol[];
  readonly pagina: (m: RegExpMatchArray, zoek: URLSearchParams) => ReactNode;
}

const LEZERS: Rol[] = ['griffier', 'auditor', 'liaison'];

const ROUTES: Route[] = [
  { patroon: /^\/register$/, rollen: LEZERS, pagina: (_, zoek) => <RegisterPagina zoek={zoek} /> },
  { patroon: /^\/items\/([0-9a-f-]{36})$/, rollen: LEZERS, pagina: (m, zoek) => <ItemPagina key={m[1]} itemId={m[1]} positie={zoek.get('positie') ?? undefined} /> },
  { patroon: /^\/nieuw\/(motie|toezegging)$/, rollen: ['griffier'], pagina: (m) => <NieuwItemPagina key={m[1]} soort={m[1] as 'motie' | 'toezegging'} /> },
  { patroon: /^\/halfjaarberichten$/, rollen: LEZERS, pagina: () => <HalfjaarberichtenPagina /> },
  { patroon: /^\/halfjaarberichten\/([0-9a-f-]{36})$/, rollen: LEZERS, pagina: (m, zoek) => <HalfjaarberichtPagina key={m[1]} berichtId={m[1]} positie={zoek.get('positie') ?? undefined} /> },
  { patroon: /^\/importen$/, rollen: ['griffier', 'auditor'], pagina: () => <ImportenPagina /> },
  { patroon: /^\/importen\/([0-9a-f-]{36})$/, rollen: ['griffier', 'auditor'], pagina: (m, zoek) => <ImportPagina key={m[1]} batchId={m[1]} positie={zoek.get('positie') ?? undefined} voorstel={zoek.get('voorstel') ?? undefined} /> },
  { patroon: /^\/overdracht$/, rollen: ['griffier'], pagina: () => <OverdrachtPagina /> },
  { patroon: /^\/overdracht\/([0-9a-f-]{36})$/, rollen: ['griffier'], pagina: (m, zoek) => <OverdrachtResultaatPagina key={m[1]} id={m[1]} positie={zoek.get('positie') ?? undefined} /> },
  { patroon: /^\/dashboard$/, rollen: LEZERS, pagina: () => <DashboardPagina /> },
  { patroon: /^\/rappel$/, rollen: LEZERS, pagina: (_, zoek) => <RappelPagina zoek={zoek} /> },
  { patroon: /^\/agenda$/, rollen: [...LEZERS, 'beheerder'], pagina: () => <AgendaPagina /> },
  { patroon: /^\/kamer$/, rollen: LEZERS, pagina: (_, zoek) => <KamerPagina zoek={zoek} /> },
  { patroon: /^\/audit$/, rollen: ['auditor'], pagina: (_, zoek) => <AuditPagina zoek={zoek} /> },
  { patroon: /^\/beheer$/, rollen: ['beheerder'], pagina: () => <BeheerPagina /> },
];

function menu(rollen: readonly Rol[]): { id: string; label: string; href: string }[] {
  const heeft = (...r: Rol[]) => rollen.some((x) => r.includes(x));
  return [
    ...(heeft(...LEZERS) ? [{ id: 'register', label: 'Register', href: '/register' }] : []),
    ...(heeft('griffier') ? [{ id: 'nieuw-motie', label: 'Nieuwe motie', href: '/nieuw/motie' }, { id: 'nieuw-toezegging', label: 'Nieuwe toezegging', href: '/nieuw/toezegging' }] : []),
    ...(heeft('griffier', 'auditor') ? [{ id: 'importen', label: 'Importen', href: '/importen' }] : []),
    ...(heeft('griffier') ? [{ id: 'overdracht', label: 'Overdracht', href: '/overdracht' }] : []),
    ...(heeft(...LEZERS) ? [{ id: 'halfjaarberichten', label: 'Halfjaarberichten', href: '/halfjaarberichten' }, { id: 'dashboard', label: 'Dashboard', href: '/dashboard' }] : []),
    ...(heeft(...LEZERS) ? [{ id: 'rappel', label: 'Rappel', href: '/rappel' }, { id: 'kamer', label: 'Tweede Kamer', href: '/kamer' }] : []),
    // A beheerder makes no subscription but sees and revokes everybody's.
    ...(heeft(...LEZERS, 'beheerder') ? [{ id: 'agenda', label: 'Agenda', href: '/agenda' }] : []),
    ...(heeft('auditor') ? [{ id: 'audit', label: 'Audit', href: '/audit' }] : []),
    ...(heeft('beheerder') ? [{ id: 'beheer', label: 'Gebruikers', href: '/beheer' }] : []),
  ];
}

export function App() {
  const { pad, zoek } = useLocatie();
  const [gebruiker, setGebruiker] = useState(sessie.huidig());
  useEffect(() => sessie.volg(() => setGebruiker(sessie.huidig())), []);

  useEffect(() => {
    if (gebruiker && pad === '/') navigeer(startpagina(gebruiker.rollen), true);
  }, [gebruiker, pad]);

  // After each navigation the page's heading gets focus, so a screen reader announces the new page.
  useEffect(() => {
    const h1 = document.querySelector<HTMLElement>('main h1');
    if (h1 && document.activeElement === document.body) h1.focus({ preventScroll: false });
    if (h1) document.title = `${h1.textContent} — Register moties en toezeggingen`;
  });

  let inhoud: ReactNode;
  if (!gebruiker || pad === '/aanmelden') {
    inhoud = <AanmeldenPagina terug={gebruiker ? '/register' : pad === '/aanmelden' ? (zoek.get('terug') ?? '/') : pad + (zoek.size ? `?${zoek}` : '')} />;
  } else if (pad === '/') {
    inhoud = null; // the effect below sends the user to their start page
  } else {
    const route = ROUTES.find((r) => r.patroon.test(pad));
    const m = route && pad.match(route.patroon);
    if (!route || !m) inhoud = <NietGevonden />;
    else if (!gebruiker.rollen.some((r) => route.rollen.includes(r))) inhoud = <GeenToegang rollen={route.rollen} />;
    else inhoud = route.pagina(m, zoek);
  }

  return (
    <>
      <SkipLink href="#inhoud">Naar de inhoud</SkipLink>
      <header className="kop">
        <div className="kop__merk">
          <span className="kop__lint" aria-hidden="true" />
          <span>
            <strong>Register moties en toezeggingen</strong>
            <br />
            <span className="kop__onder">Verantwoording aan de Tweede Kamer</span>
          </span>
        </div>
        {gebruiker && (
          <div className="kop__gebruiker">
            <span>
              Aangemeld als <strong>{gebruiker.naam}</strong> ({gebruiker.rollen.join(', ')})
            </span>
            <Button appearance="subtle-button" type="button" onClick={() => { sessie.afmelden(); navigeer('/aanmelden'); }}>
              Afmelden
            </Button>
          </div>
        )}
      </header>
      {gebruiker && menu(gebruiker.rollen).length > 0 && <NavBar aria-label="Hoofdmenu" items={menu(gebruiker.rollen).map((m) => ({ ...m, 'aria-current': pad.startsWith(m.href) ? 'page' : undefined }))} />}
      <PageContent>
        <main id="inhoud" className="inhoud">
          {inhoud}
        </main>
      </PageContent>
      <Footer
        className="voet"
        background="primary-filled"
        columns={[
          { heading: 'Over dit register', children: <Paragraph>Elke registratie en statuswijziging is een onveranderlijk event; het register en de halfjaarberichten worden daaruit opgebouwd.</Paragraph> },
          { heading: 'Voor ontwikkelaars', children: <Paragraph>De API en haar documentatie (OpenAPI) staan op /api/docs.</Paragraph> },
        ]}
      />
    </>
  );
}

/** The liaison starts on the dashboard, a beheerder (only) on the users, everyone else on the register. */
function startpagina(rollen: readonly Rol[]): string {
  if (rollen.includes('liaison')) return '/dashboard';
  if (rollen.length === 1 && rollen[0] === 'beheerder') return '/beheer';
  return '/register';
}

function NietGevonden() {
  return (
    <>
      <Heading level={1} tabIndex={-1}>
        Pagina niet gevonden
      </Heading>
      <Paragraph>
        Deze pagina bestaat niet. Ga naar <Link href="/register">het register</Link>.
      </Paragraph>
    </>
  );
}

function GeenToegang({ rollen }: { rollen: readonly Rol[] }) {
  return (
    <>
      <Heading level={1} tabIndex={-1}>
        Geen toegang
      </Heading>
      <Alert type="warning">
        <Paragraph>Deze pagina is er voor de rol {rollen.join(' of ')}. Meld u aan met een token dat die rol heeft.</Paragraph>
      </Alert>
      <Paragraph>
        <Link href={metZoek('/aanmelden', { terug: location.pathname + location.search })}>Aanmelden met een ander token</Link>
      </Paragraph>
    </>
  );
}

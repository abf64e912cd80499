import {
  Alert,
  Button,
  Heading,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@rijkshuisstijl-community/components-react";
import { useCallback, useEffect, useState } from "react";
import { ApiFout, vraag } from "../api";
import { Formulier, Waarden } from "../onderdelen/formulier";
import { useMijnEmail } from "../onderdelen/mijn-email";
import { sessie } from "../sessie";
import { datumNl } from "../types";

interface Abonnement {
  readonly id: string;
  readonly eigenaar: string;
  readonly omschrijving: string;
  readonly aangemaaktOp: string;
  readonly ingetrokkenOp: string | null;
}

interface NieuwAbonnement extends Abonnement {
  readonly volledigeUrl: string;
  readonly webcalUrl: string;
}

type Keuze = "mijn" | "directie" | "bewindspersoon" | "alle";

/**
 * Termijnen in Outlook or another calendar program: a subscription with a secret address, shown once
 * after it is made; the list of one's own subscriptions, each revocable.
 */
export function AgendaPagina() {
  const email = useMijnEmail();
  const [abonnementen, setAbonnementen] = useState<Abonnement[] | null>(null);
  const [waarden, setWaarden] = useState<Waarden>({
    keuze: "mijn",
    waarde: "",
  });
  const [fout, setFout] = useState<ApiFout | null>(null);
  const [bezig, setBezig] = useState(false);
  const [nieuw, setNieuw] = useState<NieuwAbonnement | null>(null);
  const [gekopieerd, setGekopieerd] = useState(false);
  const [melding, setMelding] = useState<string | null>(null);

  const laad = useCallback(
    () =>
      vraag<Abonnement[]>("/api/agenda-abonnementen").then(
        setAbonnementen,
        setFout,
      ),
    [],
  );
  useEffect(() => {
    void laad();
  }, [laad]);

  // A beheerder sees and revokes everybody's subscriptions, and makes none (the feed shows register data).
  const kanMaken = (["griffier", "auditor", "liaison"] as const).some((r) =>
    sessie.heeft(r),
  );
  const keuze = waarden.keuze as Keuze;
  const maak = async () => {
    setBezig(true);
    setFout(null);
    setNieuw(null);
    setMelding(null);
    setGekopieerd(false);
    const waarde = waarden.waarde.trim();
    const filter =
      keuze === "mijn"
        ? { mijn: true }
        : keuze === "alle"
          ? {}
          : { [keuze]: waarde };
    try {
      setNieuw(
        await vraag<NieuwAbonnement>("/api/agenda-abonnementen", {
          methode: "POST",
          body: { filter },
        }),
      );
      await laad();
    } catch (e) {
      setFout(e as ApiFout);
    } finally {
      setBezig(false);
    }
  };

  const trekIn = async (a: Abonnement) => {
    if (
      !window.confirm(
        `De agenda "${a.omschrijving}" intrekken? Agendaprogramma's die het adres gebruiken, krijgen daarna geen termijnen meer.`,
      )
    )
      return;
    setMelding(null);
    try {
      await vraag(`/api/agenda-abonnementen/${a.id}`, { methode: "DELETE" });
      setMelding(`De agenda "${a.omschrijving}" is ingetrokken.`);
      if (nieuw?.id === a.id) setNieuw(null);
    } catch (e) {
      setFout(e as ApiFout);
    }
    await laad();
  };

  const kopieer = async () => {
    if (!nieuw) return;
    await navigator.clipboard.writeText(nieuw.volledigeUrl).then(
      () => setGekopieerd(true),
      () => setGekopieerd(false),
    );
  };

  return (
    <>
      <Heading level={1} tabIndex={-1}>
        Termijnen in uw agenda
      </Heading>
      <Paragraph>
        Met een agenda-abonnement staat elke termijn van een open motie of
        toezegging als hele-dagafspraak in Outlook of een ander agendaprogramma.
        Het programma haalt de agenda zelf steeds opnieuw op: een verschoven
        termijn schuift mee, een afgedaan item verdwijnt.
      </Paragraph>
      {nieuw && (
        <Alert type="ok" role="status">
          <Heading level={2} className="alert-kop">
            Uw agenda &ldquo;{nieuw.omschrijving}&rdquo; is klaar
          </Heading>
          <Paragraph>
            Dit adres wordt maar één keer getoond. Het is geheim: wie het heeft,
            ziet deze termijnen zonder aan te melden.
          </Paragraph>
          <Paragraph>
            <code className="token">{nieuw.volledigeUrl}</code>
          </Paragraph>
          <Paragraph>
            <Button
              appearance="secondary-action-button"
              type="button"
              onClick={kopieer}
            >
              Kopieer het adres
            </Button>{" "}
            <Link href={nieuw.webcalUrl}>Open in uw agendaprogramma</Link>
            {gekopieerd && <span role="status"> Gekopieerd.</span>}
          </Paragraph>
          <Paragraph>
            In Outlook: Agenda → Agenda toevoegen → Van internet, en plak het
            adres. Outlook haalt de agenda daarna zelf op, meestal een paar keer
            per dag.
          </Paragraph>
        </Alert>
      )}
      {melding && (
        <Alert type="ok" role="status">
          <Paragraph>{melding}</Paragraph>
        </Alert>
      )}
      {kanMaken && (
        <Formulier
          id="agenda"
          titel="Nieuwe agenda"
          velden={[
            {
              naam: "keuze",
              label: "Welke termijnen",
              soort: "keuze",
              verplicht: true,
              opties: [
                ...(email
                  ? [
                      {
                        waarde: "mijn",
                        label: `Mijn items (behandelaar ${email})`,
                      },
                    ]
                  : [
                      {
                        waarde: "mijn",
                        label:
                          "Mijn items (het register moet uw e-mailadres kennen)",
                      },
                    ]),
                { waarde: "directie", label: "Van een directie" },
                { waarde: "bewindspersoon", label: "Van een bewindspersoon" },
                { waarde: "alle", label: "Alle open items (tot 5.000)" },
              ],
            },
            ...(keuze === "directie" || keuze === "bewindspersoon"
              ? [
                  {
                    naam: `filter.${keuze}`,
                    label: keuze === "directie" ? "Directie" : "Bewindspersoon",
                    verplicht: true,
                    beschrijving:
                      "Zoals in het register; een deel van de naam kiest elke die het bevat",
                  },
                ]
              : []),
          ]}
          waarden={{ ...waarden, [`filter.${keuze}`]: waarden.waarde }}
          onWijzig={(w) =>
            setWaarden({
              keuze: w.keuze,
              waarde:
                w.keuze === keuze
                  ? (w[`filter.${keuze}`] ?? waarden.waarde)
                  : "",
            })
          }
          onVerstuur={maak}
          knop="Maak de agenda"
          bezig={bezig}
          fout={fout}
        />
      )}
      {!kanMaken && fout && (
        <Alert type="error" role="alert">
          <Paragraph>{fout.message}</Paragraph>
        </Alert>
      )}
      <Heading level={2}>
        {kanMaken ? "Uw agenda’s" : "Alle agenda-abonnementen"}
      </Heading>
      {abonnementen && abonnementen.length === 0 && (
        <Paragraph>U heeft nog geen agenda-abonnement.</Paragraph>
      )}
      {abonnementen && abonnementen.length > 0 && (
        <div className="tabel-houder">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Termijnen</TableHeaderCell>
                <TableHeaderCell scope="col">Van</TableHeaderCell>
                <TableHeaderCell scope="col">Gemaakt</TableHeaderCell>
                <TableHeaderCell scope="col">Actie</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {abonnementen.map((a) => (
                <TableRow key={a.id}>
                  <TableCell>{a.omschrijving}</TableCell>
                  <TableCell>{a.eigenaar}</TableCell>
                  <TableCell>{datumNl(a.aangemaaktOp)}</TableCell>
                  <TableCell>
                    {a.ingetrokkenOp ? (
                      `Ingetrokken ${datumNl(a.ingetrokkenOp)}`
                    ) : (
                      <Button
                        appearance="subtle-button"
                        type="button"
                        onClick={() => trekIn(a)}
                      >
                        {`Trek "${a.omschrijving}" in`}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}

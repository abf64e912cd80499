import { DataSummary, DataSummaryItem, Heading, Link, Paragraph } from '@rijkshuisstijl-community/components-react';
import { datumNl } from '../../types';
import { Overzicht } from './model';

/** The report at a glance: where it stands, what it covers and leaves out, and how it differs from the previous one. */
export function Samenvatting({ bericht, bewerkbaar, tabUrl }: { bericht: Overzicht; bewerkbaar: boolean; tabUrl: (tab: string) => string }) {
  const concept = bericht.status === 'Concept';
  const regels = [...bericht.toezeggingen, ...bericht.moties];
  const nummerVan = (id: string) => regels.find((r) => r.itemId === id)?.nummer ?? 'item';
  return (
    <>
      <section aria-labelledby="samenvatting">
        <Heading level={2} id="samenvatting">
          Samenvatting
        </Heading>
        <DataSummary>
          <DataSummaryItem itemKey="Status" itemValue={concept ? 'Concept: kan nog worden gewijzigd' : `Verzonden op ${datumNl(bericht.verzondenOp)}`} />
          {bericht.kenmerk && <DataSummaryItem itemKey="Kenmerk" itemValue={bericht.kenmerk} />}
          {!concept && <DataSummaryItem itemKey="Kamerstuk" itemValue={bericht.kamerstuk ?? 'nog niet vastgelegd'} />}
          <DataSummaryItem itemKey="Stand per" itemValue={datumNl(bericht.peildatum)} />
          <DataSummaryItem itemKey="Secties" itemValue={bericht.secties.join(' · ')} />
          <DataSummaryItem
            itemKey="Inhoud"
            itemValue={`${bericht.toezeggingen.length} toezeggingen, ${bericht.moties.length} moties, ${bericht.aanvullendeZaken.length} aanvullende zaken`}
          />
          <DataSummaryItem itemKey="Verklaard" itemValue={`${bericht.telling.afgedaan} afgedaan, ${bericht.telling.deelsAfgedaan} deels afgedaan, ${bericht.telling.inBehandeling} in behandeling`} />
        </DataSummary>
        {bericht.nietGedekt.totaal > 0 && (
          <Paragraph>
            {bericht.nietGedekt.totaal === 1 ? 'Eén open item wordt' : `${bericht.nietGedekt.totaal} open items worden`} in dit bericht niet genoemd.{' '}
            {bewerkbaar && <Link href={tabUrl('items')}>Items opnemen</Link>}
          </Paragraph>
        )}
        <Paragraph>
          <Link href={tabUrl('bijlage')}>{concept ? 'Bekijk het voorbeeld van de bijlage' : 'Bekijk of download de bijlage'}</Link>
        </Paragraph>
      </section>

      {bericht.vergelijking && (
        <section aria-labelledby="vergelijking">
          <Heading level={2} id="vergelijking">
            Vergeleken met <Link href={`/halfjaarberichten/${bericht.vergelijking.vorigBericht.berichtId}`}>{bericht.vergelijking.vorigBericht.titel}</Link>
          </Heading>
          <ul>
            {(
              [
                ['Nieuw in dit bericht', bericht.vergelijking.nieuw],
                ['Nu afgedaan', bericht.vergelijking.nieuwAfgedaan],
                ['Nog open', bericht.vergelijking.nogOpen],
                ['Niet meer genoemd', bericht.vergelijking.nietMeerGenoemd],
              ] as const
            ).map(([label, ids]) => (
              <li key={label}>
                <strong>{label}</strong> ({ids.length}):{' '}
                {ids.map((id, n) => (
                  <span key={id}>
                    {n > 0 && ', '}
                    <Link href={`/items/${id}`}>{nummerVan(id)}</Link>
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

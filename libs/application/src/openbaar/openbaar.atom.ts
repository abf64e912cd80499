import { zonderOngeldigeXmlTekens } from '@register/domain';
import { escape } from './html';
import { OpenbareWijzigingDto } from './openbaar.dto';

const x = (tekst: string) => escape(zonderOngeldigeXmlTekens(tekst));

/**
 * The changes as an Atom feed (RFC 4287): one entry per change, its id the event's (urn:uuid), so a
 * feed reader sees each change once, whatever address the site moves to.
 */
export function atomFeed(basis: string, afzender: string, wijzigingen: readonly OpenbareWijzigingDto[], nu: string): string {
  const bijgewerkt = wijzigingen[0]?.vastgelegdOp ?? nu;
  const entries = wijzigingen.map(
    (w) => `<entry>
<id>urn:uuid:${x(w.id)}</id>
<title>${x(w.titel)}</title>
<link rel="alternate" type="text/html" href="${x(w.url)}"/>
<published>${x(w.vastgelegdOp)}</published>
<updated>${x(w.vastgelegdOp)}</updated>
<category term="${x(w.soort)}"/>
<summary>${x(w.omschrijving)}</summary>
</entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">
<title>Moties en toezeggingen: wijzigingen</title>
<subtitle>Nieuwe moties en toezeggingen, statuswijzigingen, verschoven termijnen en verzonden halfjaarberichten</subtitle>
<id>${x(`${basis}/feed.atom`)}</id>
<link rel="self" type="application/atom+xml" href="${x(`${basis}/feed.atom`)}"/>
<link rel="alternate" type="text/html" href="${x(`${basis}/wijzigingen`)}"/>
<updated>${x(bijgewerkt)}</updated>
<author><name>${x(afzender)}</name></author>
<rights>CC0 1.0</rights>
${entries.join('\n')}
</feed>
`;
}

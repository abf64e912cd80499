import { ParsedMail, simpleParser } from 'mailparser';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface OntvangenMail {
  readonly aan: string;
  readonly messageId: string;
  readonly onderwerp: string;
  readonly tekst: string;
  readonly html: string;
  readonly van: string;
  readonly kopregels: ParsedMail['headers'];
}

export interface TestSmtp {
  readonly url: string;
  readonly port: number;
  readonly ontvangen: OntvangenMail[];
  /** Mail for this address is refused with 550 at RCPT TO. */
  weiger(email: string): void;
  close(): Promise<void>;
}

/**
 * A real SMTP server on loopback (smtp-server, the protocol side of Nodemailer's project), each
 * message parsed by mailparser as a mail program would. `vertragingMs` holds every recipient that
 * long before accepting it (RCPT TO), so a run of many mails takes long enough to be interrupted,
 * and mostly while no message is under way.
 */
export async function startSmtp(opties: { vertragingMs?: number } = {}): Promise<TestSmtp> {
  const ontvangen: OntvangenMail[] = [];
  const geweigerd = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (geweigerd.has(address.address.toLowerCase())) {
        const fout = new Error('5.1.1 Mailbox onbekend') as Error & { responseCode: number };
        fout.responseCode = 550;
        return callback(fout);
      }
      if (opties.vertragingMs) setTimeout(() => callback(), opties.vertragingMs);
      else callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          for (const rcpt of session.envelope.rcptTo) {
            ontvangen.push({
              aan: rcpt.address.toLowerCase(),
              messageId: mail.messageId ?? '',
              onderwerp: mail.subject ?? '',
              tekst: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
              van: mail.from?.text ?? '',
              kopregels: mail.headers,
            });
          }
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  // A client killed mid-conversation resets its connection: for a server that is just an error to log.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    ontvangen,
    weiger: (email) => geweigerd.add(email.toLowerCase()),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

import { createTransport, Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';

export interface UitgaandeMail {
  readonly aan: { readonly naam: string; readonly email: string };
  readonly onderwerp: string;
  readonly html: string;
  readonly tekst: string;
  /** With angle brackets: `<id@domein>`. */
  readonly messageId: string;
}

/**
 * Why a mail did not go out. `blijvend`: the server refused this recipient or message (5xx), trying
 * again will not help. `server`: the server itself could not be reached or refused the session
 * (connection, time-out, TLS, sign-in): every other mail of the run would fail alike.
 */
export class MailFout extends Error {
  constructor(
    message: string,
    readonly blijvend: boolean,
    readonly server: boolean,
    /** The connection broke or timed out: perhaps after the server had the message (see HerinneringMisluktData.onzeker). */
    readonly onzeker = false,
  ) {
    super(message);
  }
}

/** Failures that may come after the message was handed over; nodemailer does not say at which step. */
const ONZEKER = new Set(['ETIMEDOUT', 'ESOCKET']);

const PER_BERICHT = new Set(['EENVELOPE', 'EMESSAGE']);

/**
 * The SMTP link (nodemailer): one pooled connection per run, so 200 digests do not open 200
 * sessions; time-outs so a server that stops answering fails the run instead of hanging it.
 */
export class MailVerzender {
  private readonly transport: Transporter<SMTPTransport.SentMessageInfo>;

  constructor(
    private readonly smtpUrl: string,
    private readonly afzender: string,
  ) {
    this.transport = createTransport({
      url: smtpUrl,
      pool: true,
      maxConnections: 1,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    } as SMTPTransport.Options);
  }

  /** The domain of Message-IDs: the sender's. */
  get domein(): string {
    return /@([^\s>]+)>?\s*$/.exec(this.afzender)?.[1] ?? 'register.invalid';
  }

  /** Sends; answers what the server said when it accepted the message. */
  async verstuur(mail: UitgaandeMail): Promise<string> {
    try {
      const info = await this.transport.sendMail({
        from: this.afzender,
        to: { name: mail.aan.naam, address: mail.aan.email },
        subject: mail.onderwerp,
        text: mail.tekst,
        html: mail.html,
        messageId: mail.messageId,
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
      });
      if (info.rejected.length > 0) throw new MailFout(zonderSmtpGeheim(`De mailserver weigerde ${info.rejected.join(', ')}: ${info.response}`, this.smtpUrl).slice(0, 500), true, false);
      return zonderSmtpGeheim(String(info.response ?? ''), this.smtpUrl).slice(0, 500);
    } catch (error) {
      if (error instanceof MailFout) throw error;
      const e = error as Error & { code?: string; responseCode?: number; response?: string };
      const perBericht = e.code !== undefined && PER_BERICHT.has(e.code);
      const blijvend = perBericht && (e.responseCode ?? 0) >= 500;
      throw new MailFout(zonderSmtpGeheim(`${e.code ? `${e.code}: ` : ''}${e.response ?? e.message}`, this.smtpUrl).slice(0, 500), blijvend, !perBericht, e.code !== undefined && ONZEKER.has(e.code));
    }
  }

  sluit(): void {
    this.transport.close();
  }
}

/**
 * A server's or the library's error may quote the URL it was given, or the credentials: never the
 * password, as written in SMTP_URL or decoded, nor the user part of any smtp:// URL.
 */
export function zonderSmtpGeheim(melding: string, smtpUrl: string | undefined): string {
  let uit = melding.replace(/(smtps?:\/\/)[^\s/]*@/gi, '$1***@');
  const wachtwoord = smtpUrl ? /^smtps?:\/\/[^/]*?:([^/]*)@/i.exec(smtpUrl)?.[1] : undefined;
  if (wachtwoord) {
    let gedecodeerd = wachtwoord;
    try {
      gedecodeerd = decodeURIComponent(wachtwoord);
    } catch {
      // Not percent-encoded: the raw form is the one to hide.
    }
    for (const geheim of new Set([wachtwoord, gedecodeerd])) if (geheim) uit = uit.split(geheim).join('***');
  }
  return uit;
}

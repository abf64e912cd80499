import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { BerichtNietGevondenError, DomainError, ImportNietGevondenError, OngeldigGegevenError, SelectieOngeldigError, VerbodenOvergangError, VoorstelNietGevondenError } from '@register/domain';
import { ImportFout, MAX_DOCUMENT_BYTES } from '@register/import';
import { StreamRevisionConflictError } from '@register/event-store';
import type { Request, Response } from 'express';
import { ItemNietGevondenError, NummerInGebruikError, RevisieConflictError } from '../items/register.errors';
import { VeldFout } from './validation';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code?: string;
  fouten?: VeldFout[];
  /** With `nummer-in-gebruik`: the item that holds the number, so a client can link to it. */
  houder?: { itemId: string; nummer: string; soort: string; titel: string };
  /** With `selectie-ongeldig`: every item of the selection that cannot take part, and why. */
  weigeringen?: { itemId: string; nummer: string | null; code: string; melding: string }[];
}

const TITELS: Record<number, string> = {
  400: 'Ongeldige invoer',
  401: 'Niet aangemeld',
  403: 'Geen toegang',
  404: 'Niet gevonden',
  405: 'Methode niet toegestaan',
  409: 'Conflict',
  413: 'Verzoek te groot',
  415: 'Inhoudstype niet ondersteund',
  422: 'Niet toegestaan in deze status',
  428: 'Voorwaarde ontbreekt',
  429: 'Te veel verzoeken',
  500: 'Interne fout',
  503: 'Tijdelijk niet beschikbaar',
};

/** A problem answered before (an idempotent retry of a request that failed), given again as it was. */
export class HerhaaldProbleem extends Error {
  constructor(readonly problem: Problem) {
    super('herhaald antwoord');
  }
}

/**
 * Every error leaves as application/problem+json (RFC 9457, as the Dutch API design rules ask), in
 * one shape. No stack trace or SQL ever reaches the client; unexpected errors are logged instead.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Fout');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<Request>();
    const response = ctx.getResponse<Response>();
    const problem = toProblem(exception, request.originalUrl ?? request.url);
    if (problem.status >= 500) this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    response.status(problem.status).type('application/problem+json').json(problem);
  }
}

/** Maps any error to the register's one problem shape. */
export function toProblem(exception: unknown, instance: string): Problem {
  const make = (status: number, detail: string, extra: Partial<Problem> = {}): Problem => ({
    type: extra.code ? `urn:register:fout:${extra.code}` : 'about:blank',
    title: TITELS[status] ?? 'Fout',
    status,
    detail,
    instance,
    ...extra,
  });

  const invalidJson = () => make(400, 'De body is geen geldige JSON.', { fouten: [{ veld: 'body', melding: 'is geen geldige JSON' }] });

  if (exception instanceof HerhaaldProbleem) return exception.problem;
  if (exception instanceof OngeldigGegevenError) {
    return make(400, exception.message, { code: exception.code, fouten: [{ veld: exception.veld, melding: exception.message }] });
  }
  if (exception instanceof ImportFout) return make(exception.status, exception.message, { code: exception.code, fouten: [{ veld: 'bestand', melding: exception.message }] });
  if (exception instanceof ItemNietGevondenError || exception instanceof BerichtNietGevondenError || exception instanceof ImportNietGevondenError || exception instanceof VoorstelNietGevondenError) return make(404, exception.message, { code: exception.code });
  if (exception instanceof NummerInGebruikError) {
    // Not a concurrency conflict: the number is the field at fault, and the answer names its holder.
    const { houder, nummer } = exception;
    return make(409, exception.message, {
      title: 'Nummer al in gebruik',
      code: exception.code,
      fouten: [{ veld: 'nummer', melding: exception.melding }],
      ...(houder ? { houder: { itemId: houder.itemId, nummer, soort: houder.soort, titel: houder.titel } } : {}),
    });
  }
  if (exception instanceof RevisieConflictError) return make(409, exception.message, { code: exception.code });
  if (exception instanceof SelectieOngeldigError) {
    const weigeringen = exception.weigeringen.map(({ itemId, nummer, code, melding }) => ({ itemId, nummer, code, melding }));
    return make(422, exception.message, { code: exception.code, weigeringen });
  }
  if (exception instanceof StreamRevisionConflictError) return make(409, 'Het item is intussen door iemand anders gewijzigd. Laad het opnieuw.', { code: 'revisie-conflict' });
  if (exception instanceof VerbodenOvergangError) return make(422, exception.message, { code: exception.code });
  if (exception instanceof DomainError) return make(422, exception.message, { code: exception.code });

  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse();
    const fouten = typeof body === 'object' && body !== null && 'fouten' in body ? (body as { fouten: VeldFout[] }).fouten : undefined;
    if (fouten) return make(status, `De invoer klopt niet: ${fouten.map((f) => `${f.veld} ${f.melding}`).join('; ')}.`, { fouten });
    // A failing health check: say which part is down.
    if (typeof body === 'object' && body !== null && 'details' in body) {
      const gezondheid = body as { error?: Record<string, unknown>; details: Record<string, unknown> };
      return { ...make(status, `Niet gezond: ${Object.keys(gezondheid.error ?? {}).join(', ') || 'onbekend'}.`), gezondheid: gezondheid.details } as Problem;
    }
    // Nest turns body-parser's SyntaxError into a 400 carrying the parser's own wording.
    if (status === 400 && /JSON/.test(exception.message)) return invalidJson();
    const upload = uploadFout(status, exception.message);
    if (upload) return make(status, upload.detail, { code: upload.code, fouten: [{ veld: upload.veld, melding: upload.detail }] });
    // An HTTP error of the register's own names its problem code.
    const code = typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'string' ? (body as { code: string }).code : undefined;
    return make(status, httpDetail(status, exception), code ? { code } : {});
  }
  // body-parser errors carry a status but are not HttpExceptions.
  const status = (exception as { status?: number; type?: string })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const type = (exception as { type?: string }).type;
    if (type === 'entity.too.large') return make(413, 'Het verzoek is groter dan toegestaan.');
    if (type === 'entity.parse.failed') return invalidJson();
    return make(status, TITELS[status] ?? 'Ongeldig verzoek');
  }
  return make(HttpStatus.INTERNAL_SERVER_ERROR, 'Er ging iets mis in het register. De fout is gelogd; probeer het later opnieuw.');
}

/** Multer's and busboy's own (English) words for a bad upload, in Dutch with a code (see ImportenHttpController). */
const UPLOAD_FOUTEN: readonly { patroon: RegExp; code: string; veld: (m: RegExpExecArray) => string; detail: (m: RegExpExecArray) => string }[] = [
  { patroon: /^File too large/, code: 'te-groot', veld: () => 'bestand', detail: () => `Het bestand is groter dan ${MAX_DOCUMENT_BYTES / (1024 * 1024)} MB.` },
  { patroon: /^Too many files/, code: 'te-veel-bestanden', veld: () => 'bestand', detail: () => 'Stuur één document per keer, in het veld "bestand".' },
  { patroon: /^Unexpected (?:file )?field(?: - (.*))?/, code: 'onverwacht-veld', veld: (m) => m[1] ?? 'bestand', detail: (m) => `Het veld "${(m[1] ?? '').slice(0, 50)}" hoort niet in dit formulier: het document hoort in het veld "bestand".` },
  { patroon: /^Field value too long(?: - (.*))?/, code: 'veld-te-lang', veld: (m) => m[1] ?? 'body', detail: (m) => `Het veld "${(m[1] ?? '').slice(0, 50)}" is te lang.` },
  { patroon: /^Field name too long/, code: 'veld-te-lang', veld: () => 'body', detail: () => 'Een veldnaam in het formulier is te lang.' },
  { patroon: /^Too many (?:fields|parts)/, code: 'te-veel-velden', veld: () => 'body', detail: () => 'Het formulier heeft te veel velden.' },
  { patroon: /^Multipart: Unexpected end of form/, code: 'onvolledig-verzoek', veld: () => 'body', detail: () => 'Het verzoek is afgebroken of onvolledig verzonden; probeer het opnieuw.' },
  { patroon: /^(?:Multipart: Boundary not found|Malformed part header|Unexpected end of multipart data)/, code: 'ongeldig-formulier', veld: () => 'body', detail: () => 'Het verzoek is geen geldig multipart/form-data-formulier.' },
];

function uploadFout(status: number, message: string): { code: string; veld: string; detail: string } | null {
  if (status !== 400 && status !== 413) return null;
  for (const f of UPLOAD_FOUTEN) {
    const m = f.patroon.exec(message);
    if (m) return { code: f.code, veld: f.veld(m).slice(0, 50), detail: f.detail(m) };
  }
  return null;
}

function httpDetail(status: number, exception: HttpException): string {
  if (status === 404) return 'Deze pagina of dit adres bestaat niet.';
  const body = exception.getResponse();
  if (typeof body === 'string') return body;
  const message = (body as { message?: unknown }).message;
  return typeof message === 'string' ? message : (TITELS[status] ?? exception.message);
}

import { BadRequestException, Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConflictResponse, ApiConsumes, ApiCreatedResponse, ApiServiceUnavailableResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Rollen } from '@register/access';
import { MAX_DOCUMENT_BYTES } from '@register/import';
import type { Response } from 'express';
import { memoryStorage } from 'multer';
import { CommandMetadata } from '../command-metadata';
import { Meta } from '../http/command-meta.decorator';
import { ApiFouten } from '../http/problem.responses';
import { IdempotentDoorInhoud } from '../idempotency/idempotent-door-inhoud.decorator';
import { RegisterReadService } from '../items/queries/register-read.service';
import { ImportReadService } from './import-read.service';
import { AfhandelingResultaat, ImportService, leesVoorstelSleutel, voorstelSleutel } from './import.service';
import { AanvaardingRequestDto, AfwijzingRequestDto, BulkAanvaardingRequestDto, SamenvoegingRequestDto, UploadRequestDto, VoorstellenQueryDto } from './import.request.dto';
import { AfhandelingResponseDto, BulkAanvaardingResponseDto, ImportDetailDto, ImportLijstDto, IngelezenResponseDto, VoorstelLijstDto } from './import.response.dto';
import { VoorstelNietGevondenError } from '@register/domain';

const LEZERS_VAN_DE_INBOX = ['griffier', 'auditor'] as const;

/**
 * Multer gives the part's file name as latin1 when the browser sent UTF-8. The name is kept as a
 * label only: control and bidirectional-override characters are taken out (a name like
 * "x\u202Egpj.exe" must not read as something else in the history), and it is normalised.
 */
export function bestandsnaam(origineel: string): string {
  const utf8 = Buffer.from(origineel, 'latin1').toString('utf8');
  const naam = (utf8.includes('\uFFFD') ? origineel : utf8)
    .normalize('NFC')
    // Control characters (Unicode category Cc) and the bidirectional marks, embeddings, overrides and isolates.
    .replace(/[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu, '')
    .trim();
  return naam.slice(0, 255) || 'document';
}

function afhandeling(batchId: string, r: AfhandelingResultaat): AfhandelingResponseDto {
  return { id: voorstelSleutel(batchId, r.voorstelId), afhandeling: r.afhandeling, itemId: r.itemId, nummer: r.nummer, stappen: [...r.stappen], positie: r.positie };
}

function voorstel(id: string): { batchId: string; voorstelId: string } {
  const sleutel = leesVoorstelSleutel(id);
  if (!sleutel) throw new VoorstelNietGevondenError(id);
  return sleutel;
}

@ApiTags('importen')
@Controller('api')
export class ImportenHttpController {
  constructor(
    private readonly importen: ImportService,
    private readonly lezen: ImportReadService,
    private readonly register: RegisterReadService,
  ) {}

  @Post('importen')
  @Rollen('griffier')
  @IdempotentDoorInhoud()
  @UseInterceptors(FileInterceptor('bestand', { storage: memoryStorage(), limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 10, fieldSize: 10_000, parts: 12 } }))
  @ApiOperation({ summary: 'Lees een bijlage of registerlijst in: de voorstellen komen in de inbox, er wordt nog niets geregistreerd' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadRequestDto })
  @ApiCreatedResponse({ type: IngelezenResponseDto, description: 'Ingelezen' })
  @ApiOkResponse({ type: IngelezenResponseDto, description: 'Dit document was al ingelezen: er komt niets nieuws bij' })
  @ApiPayloadTooLargeResponse({ description: 'Groter dan 20 MB' })
  @ApiServiceUnavailableResponse({ description: 'Er worden al te veel documenten tegelijk gelezen; probeer het zo opnieuw' })
  @ApiFouten()
  async leesIn(@UploadedFile() bestand: Express.Multer.File | undefined, @Body() body: UploadRequestDto, @Meta() meta: CommandMetadata, @Res({ passthrough: true }) res: Response): Promise<IngelezenResponseDto> {
    if (!bestand) throw new BadRequestException({ fouten: [{ veld: 'bestand', melding: 'is verplicht: kies een document' }] });
    let kolommen: Record<string, string> | undefined;
    if (body.kolommen) {
      try {
        const gelezen: unknown = JSON.parse(body.kolommen);
        if (!gelezen || typeof gelezen !== 'object' || Array.isArray(gelezen) || !Object.values(gelezen).every((v) => typeof v === 'string')) throw new Error();
        kolommen = gelezen as Record<string, string>;
      } catch {
        throw new BadRequestException({ fouten: [{ veld: 'kolommen', melding: 'moet JSON zijn met per veld een kolomkop, bijvoorbeeld {"nummer":"Kamerstuk"}' }] });
      }
    }
    const resultaat = await this.importen.leesIn(
      { bytes: bestand.buffer, bestandsnaam: bestandsnaam(bestand.originalname), datum: body.datum, bewindspersoon: body.bewindspersoon, ministerie: body.ministerie, thema: body.thema, kolommen },
      meta,
    );
    res.status(resultaat.nieuw ? 201 : 200);
    return resultaat;
  }

  @Get('importen')
  @Rollen(...LEZERS_VAN_DE_INBOX)
  @ApiOperation({ summary: 'De ingelezen documenten, nieuwste eerst, met hoeveel voorstellen er nog open zijn' })
  @ApiQuery({ name: 'minimalePositie', required: false, description: 'Wacht tot de inbox deze positie heeft verwerkt' })
  @ApiOkResponse({ type: ImportLijstDto })
  @ApiFouten()
  async lijst(@Query('minimalePositie') minimalePositie?: string): Promise<ImportLijstDto> {
    await this.register.wachtOp(minimalePositie);
    const positie = this.lezen.positie();
    return { importen: await this.lezen.lijst(), positie };
  }

  @Get('importen/:id')
  @Rollen(...LEZERS_VAN_DE_INBOX)
  @ApiOperation({ summary: 'Eén import: het document, zijn tekst per regel, en elk voorstel met wat ermee gebeurde' })
  @ApiQuery({ name: 'minimalePositie', required: false })
  @ApiOkResponse({ type: ImportDetailDto })
  @ApiNotFoundResponse({ description: 'Onbekende import' })
  @ApiFouten()
  async een(@Param('id', new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException({ fouten: [{ veld: 'id', melding: 'moet een import-id (uuid) zijn' }] }) })) id: string, @Query('minimalePositie') minimalePositie?: string): Promise<ImportDetailDto> {
    await this.register.wachtOp(minimalePositie);
    const positie = this.lezen.positie();
    return { ...(await this.lezen.een(id)), positie };
  }

  @Post('importen/:id/aanvaarding')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'Het nummer is al van een ander item (nummer-in-gebruik), of het item is intussen gewijzigd' })
  @Rollen('griffier')
  @ApiOperation({ summary: 'Aanvaard in één keer elk open behandeld voorstel van deze import met ten minste de gegeven zekerheid' })
  @ApiOkResponse({ type: BulkAanvaardingResponseDto })
  @ApiFouten()
  async aanvaardAlles(@Param('id', new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException({ fouten: [{ veld: 'id', melding: 'moet een import-id (uuid) zijn' }] }) })) id: string, @Body() body: BulkAanvaardingRequestDto, @Meta() meta: CommandMetadata): Promise<BulkAanvaardingResponseDto> {
    const { aanvaard, mislukt } = await this.importen.aanvaardVanaf(id, body.minimaleZekerheid, meta);
    const posities = aanvaard.map((a) => BigInt(a.positie));
    return {
      aanvaard: aanvaard.map((a) => afhandeling(id, a)),
      mislukt: mislukt.map((m) => ({ id: voorstelSleutel(id, m.voorstelId), code: m.code, melding: m.melding })),
      positie: (posities.length ? posities.reduce((a, b) => (a > b ? a : b)) : BigInt(this.lezen.positie())).toString(),
    };
  }

  @Get('voorstellen')
  @Rollen(...LEZERS_VAN_DE_INBOX)
  @ApiOperation({ summary: 'Voorstellen uit alle imports, te filteren op afhandeling en bron (een import, alle documenten of de Tweede Kamer)' })
  @ApiOkResponse({ type: VoorstelLijstDto })
  @ApiFouten()
  async voorstellen(@Query() query: VoorstellenQueryDto): Promise<VoorstelLijstDto> {
    await this.register.wachtOp(query.minimalePositie);
    const positie = this.lezen.positie();
    const { voorstellen, totaal } = await this.lezen.voorstellen({ status: query.status, bron: query.bron, pagina: query.pagina ?? 1, perPagina: query.perPagina ?? 100 });
    return { voorstellen, totaal, pagina: query.pagina ?? 1, perPagina: query.perPagina ?? 100, positie };
  }

  @Post('voorstellen/:id/aanvaarding')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'Het nummer is al van een ander item (nummer-in-gebruik), of het item is intussen gewijzigd' })
  @Rollen('griffier')
  @ApiOperation({ summary: 'Aanvaard een voorstel, eventueel met aangepaste velden: registreert het item of wijzigt zijn status met de gewone opdrachten' })
  @ApiOkResponse({ type: AfhandelingResponseDto })
  @ApiNotFoundResponse({ description: 'Onbekend voorstel' })
  @ApiFouten()
  async aanvaard(@Param('id') id: string, @Body() body: AanvaardingRequestDto, @Meta() meta: CommandMetadata): Promise<AfhandelingResponseDto> {
    const { batchId, voorstelId } = voorstel(id);
    return afhandeling(batchId, await this.importen.aanvaard(batchId, voorstelId, body.wijzigingen?.toWijzigingen() ?? {}, meta));
  }

  @Post('voorstellen/:id/samenvoeging')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'Het nummer is al van een ander item (nummer-in-gebruik), of het item is intussen gewijzigd' })
  @Rollen('griffier')
  @ApiOperation({ summary: 'Voeg een voorstel samen met een item dat het register al heeft: de status uit het document geldt voor dat item' })
  @ApiOkResponse({ type: AfhandelingResponseDto })
  @ApiNotFoundResponse({ description: 'Onbekend voorstel of item' })
  @ApiFouten()
  async voegSamen(@Param('id') id: string, @Body() body: SamenvoegingRequestDto, @Meta() meta: CommandMetadata): Promise<AfhandelingResponseDto> {
    const { batchId, voorstelId } = voorstel(id);
    return afhandeling(batchId, await this.importen.voegSamen(batchId, voorstelId, body.itemId, meta));
  }

  @Post('voorstellen/:id/afwijzing')
  @HttpCode(200)
  @Rollen('griffier')
  @ApiOperation({ summary: 'Wijs een voorstel af, met reden' })
  @ApiOkResponse({ type: AfhandelingResponseDto })
  @ApiNotFoundResponse({ description: 'Onbekend voorstel' })
  @ApiFouten()
  async wijsAf(@Param('id') id: string, @Body() body: AfwijzingRequestDto, @Meta() meta: CommandMetadata): Promise<AfhandelingResponseDto> {
    const { batchId, voorstelId } = voorstel(id);
    return afhandeling(batchId, await this.importen.wijsAf(batchId, voorstelId, body.reden, meta));
  }
}

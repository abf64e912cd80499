import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Rollen } from '@register/access';
import { RegisterReadService } from '../items/queries/register-read.service';
import { HerinneringItemRow, HerinneringRow } from '@register/read-models';
import { DataSource } from 'typeorm';
import { HerinneringenRequestDto } from './herinneringen.request.dto';
import { HerinneringResponseDto, HerinneringenPaginaResponseDto } from './herinneringen.response.dto';

/** Who was told what and when: the reminders as the log recorded them, for auditors and the griffie. */
@ApiTags('herinneringen')
@Controller('api/herinneringen')
export class HerinneringenHttpController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly register: RegisterReadService,
  ) {}

  @Get()
  @Rollen('auditor', 'griffier')
  @ApiOperation({ summary: 'De verstuurde (en mislukte) herinneringen: aan wie, voor welke dag, met welke items en wat de mailserver antwoordde; met itemId: die dit item noemden' })
  @ApiOkResponse({ type: HerinneringenPaginaResponseDto })
  @ApiBadRequestResponse({ description: 'Ongeldig item, datum, pagina of positie; `fouten` noemt per veld wat er mis is' })
  @ApiServiceUnavailableResponse({ description: 'Het leesmodel bereikte minimalePositie niet binnen 5 seconden' })
  async lijst(@Query() q: HerinneringenRequestDto): Promise<HerinneringenPaginaResponseDto> {
    await this.register.wachtOp(q.minimalePositie);
    const pg = this.dataSource.options.type === 'postgres';
    const vraag = this.dataSource.getRepository(HerinneringRow).createQueryBuilder('h');
    if (q.itemId) vraag.innerJoinAndMapOne('h.item', HerinneringItemRow, 'i', 'i.herinnering_id = h.herinnering_id AND i.item_id = :itemId', { itemId: q.itemId });
    if (q.ontvanger?.trim()) vraag.andWhere(pg ? 'LOWER(h.email) = LOWER(:email)' : 'h.email = :email COLLATE NOCASE', { email: q.ontvanger.trim() });
    if (q.vanaf) vraag.andWhere('h.datum >= :vanaf', { vanaf: q.vanaf });
    if (q.tot) vraag.andWhere('h.datum <= :tot', { tot: q.tot });
    const [rijen, totaal] = await vraag
      .orderBy('h.datum', 'DESC')
      .addOrderBy('h.voorbereid_op', 'DESC')
      .addOrderBy('h.herinnering_id', 'ASC')
      .skip((q.pagina - 1) * q.perPagina)
      .take(q.perPagina)
      .getManyAndCount();
    return { totaal, pagina: q.pagina, perPagina: q.perPagina, herinneringen: rijen.map((r) => weergave(r as HerinneringRow & { item?: HerinneringItemRow })) };
  }
}

function weergave(r: HerinneringRow & { item?: HerinneringItemRow }): HerinneringResponseDto {
  return {
    herinneringId: r.herinneringId,
    soort: r.soort,
    periode: r.periode,
    datum: r.datum,
    ontvanger: { email: r.email, naam: r.naam },
    bewindspersoon: r.bewindspersoon,
    onderwerp: r.onderwerp,
    messageId: r.messageId,
    status: r.status,
    pogingen: r.pogingen,
    blijvend: Boolean(r.blijvend),
    reden: r.reden,
    smtpAntwoord: r.smtpAntwoord,
    hervat: Boolean(r.hervat),
    voorbereidOp: r.voorbereidOp,
    verstuurdOp: r.verstuurdOp,
    aantalAchterstallig: r.aantalAchterstallig,
    aantalBinnenkort: r.aantalBinnenkort,
    ...(r.item ? { item: { achterstallig: Boolean(r.item.achterstallig), termijnDatum: r.item.termijnDatum } } : {}),
  };
}

import { ConflictException, Controller, Get, HttpCode, Post, ServiceUnavailableException } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Rollen } from '@register/access';
import { CommandMetadata, KamerKoppelingStatus, KamerSynchronisatieJob, KamerSynchronisatieService, Meta } from '@register/application';

class KamerResultaatDto {
  @ApiProperty() aan!: boolean;
  @ApiProperty({ description: 'Een andere run hield het slot: deze vroeg niets' }) bezet!: boolean;
  @ApiProperty() melding!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) batchId!: string | null;
  @ApiProperty() paginas!: number;
  @ApiProperty({ description: 'Gelezen records (van alle ministeries)' }) gelezen!: number;
  @ApiProperty({ description: 'Nieuwe voorstellen in de inbox' }) voorgesteld!: number;
  @ApiProperty({ description: 'Toezeggingen van dit ministerie die het register al zo kent' }) alBekend!: number;
  @ApiProperty({ description: 'Eerder gelezen records (de overlap): overgeslagen' }) overgeslagen!: number;
  @ApiProperty({ type: String, nullable: true, example: '2026-02-11T09:00:00.5000000Z' }) watermerk!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Waarop de run stopte; wat ervoor binnenkwam blijft' }) fout!: string | null;
  @ApiProperty({ example: '1234' }) positie!: string;
}

class KamerRunDto {
  @ApiProperty({ format: 'date-time' }) begonnen!: string;
  @ApiProperty({ format: 'date-time', type: String, nullable: true }) klaar!: string | null;
  @ApiProperty({ description: '"schema" (TK_SYNC_CRON) of wie op de knop drukte' }) door!: string;
  @ApiProperty({ type: KamerResultaatDto, nullable: true }) resultaat!: KamerResultaatDto | null;
  @ApiProperty({ type: String, nullable: true }) fout!: string | null;
}

class KamerStandDto {
  @ApiProperty({ format: 'uuid', description: 'De import in de inbox waarin de koppeling haar voorstellen zet' }) batchId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Tot waar de toezeggingen van de Kamer gelezen zijn (ApiGewijzigdOp, UTC)' }) watermerk!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { toezegging: '2026-02-11T09:00:00.5000000Z', besluit: '2026-02-10T16:00:00.0000000Z' }, description: 'Per feed tot waar de Kamer gelezen is' })
  watermerken!: Record<string, string>;
  @ApiProperty() voorstellen!: number;
  @ApiProperty() open!: number;
}

class KamerKoppelingDto {
  @ApiProperty({ enum: ['uit', 'in orde', 'verstoord'] }) toestand!: string;
  @ApiProperty() aan!: boolean;
  @ApiProperty({ example: '7 * * * *' }) schema!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) volgende!: string | null;
  @ApiProperty() bezig!: boolean;
  @ApiProperty({ type: KamerRunDto, nullable: true, description: 'De laatste run op deze instantie' }) laatste!: KamerRunDto | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) laatsteSucces!: string | null;
  @ApiProperty({ type: String, description: 'Het Gegevensmagazijn dat gevraagd wordt' }) bron!: string;
  @ApiProperty({ type: KamerStandDto, nullable: true, description: 'Uit het log: null voor de eerste run' }) stand!: KamerStandDto | null;
}

class KamerGestartDto {
  @ApiProperty({ example: true }) gestart!: boolean;
  @ApiProperty({ type: KamerKoppelingDto }) koppeling!: KamerKoppelingDto;
}

/** The Kamer link on this instance: how it stands, and the griffier's button. */
@ApiTags('kamer')
@Controller('api/kamer')
export class KamerKoppelingHttpController {
  constructor(
    private readonly job: KamerSynchronisatieJob,
    private readonly kamer: KamerSynchronisatieService,
  ) {}

  @Get('status')
  @Rollen('griffier', 'auditor', 'liaison', 'beheerder')
  @ApiOperation({ summary: 'De koppeling met de Tweede Kamer: aan of uit, het schema, de laatste run op deze instantie en tot waar de Kamer gelezen is' })
  @ApiOkResponse({ type: KamerKoppelingDto })
  async status(): Promise<KamerKoppelingDto> {
    return this.weergave(this.job.status());
  }

  @Post('synchronisatie')
  @HttpCode(202)
  @Rollen('griffier')
  @ApiOperation({ summary: 'Vraag de Tweede Kamer nu wat er veranderd is (de run loopt op de achtergrond; GET /api/kamer/status zegt hoe hij afliep)' })
  @ApiAcceptedResponse({ type: KamerGestartDto })
  @ApiConflictResponse({ description: 'Er loopt al een synchronisatie op deze instantie (code kamer-bezig)' })
  @ApiServiceUnavailableResponse({ description: 'De koppeling staat uit (code kamer-uit)' })
  async synchroniseer(@Meta() meta: CommandMetadata): Promise<KamerGestartDto> {
    if (!this.kamer.aan()) throw new ServiceUnavailableException({ message: 'De koppeling met de Tweede Kamer staat uit (zet TK_ODATA_URL of TK_SYNC=aan).', code: 'kamer-uit' });
    const { gestart } = this.job.start(meta.actor);
    if (!gestart) throw new ConflictException({ message: 'Er loopt al een synchronisatie met de Tweede Kamer; kijk zo op de status hoe die afliep.', code: 'kamer-bezig' });
    return { gestart, koppeling: await this.weergave(this.job.status()) };
  }

  private async weergave(status: KamerKoppelingStatus): Promise<KamerKoppelingDto> {
    return { ...status, bron: this.kamer.basisUrl(), stand: await this.kamer.stand() };
  }
}

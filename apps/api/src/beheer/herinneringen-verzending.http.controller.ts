import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Rollen } from '@register/access';
import { HerinneringenJob, HerinneringenStatus } from '@register/application';

class HerinneringFoutDto {
  @ApiProperty()
  email!: string;

  @ApiProperty({ enum: ['behandelaar', 'bewindspersoon'] })
  soort!: string;

  @ApiProperty()
  reden!: string;

  @ApiProperty({ description: 'Geweigerd door de mailserver: niet opnieuw geprobeerd deze periode' })
  blijvend!: boolean;
}

class HerinneringenResultaatDto {
  @ApiProperty({ format: 'date' }) datum!: string;
  @ApiProperty() aan!: boolean;
  @ApiProperty({ description: 'Een andere run hield het slot: deze deed niets' }) bezet!: boolean;
  @ApiProperty() melding!: string;
  @ApiProperty() totaal!: number;
  @ApiProperty() verstuurd!: number;
  @ApiProperty() hervat!: number;
  @ApiProperty() alVerstuurd!: number;
  @ApiProperty() mislukt!: number;
  @ApiProperty() eerderGeweigerd!: number;
  @ApiProperty() nietGeprobeerd!: number;
  @ApiProperty({ type: [HerinneringFoutDto] }) fouten!: HerinneringFoutDto[];
  @ApiProperty({ type: String, nullable: true }) serverFout!: string | null;
  @ApiProperty({ type: String, nullable: true }) onderbroken!: string | null;
  @ApiProperty({ type: [String], description: 'Adressen buiten HERINNERING_DOMEINEN: niets verstuurd' }) buitenDomeinen!: string[];
  @ApiProperty({ example: '1234', description: 'Het einde van het log na de run; geef mee als minimalePositie aan GET /api/herinneringen om de run daarin te zien' }) positie!: string;
}

class LaatsteRunDto {
  @ApiProperty({ format: 'date-time' }) begonnen!: string;
  @ApiProperty({ format: 'date-time', type: String, nullable: true }) klaar!: string | null;
  @ApiProperty({ type: HerinneringenResultaatDto, nullable: true }) resultaat!: HerinneringenResultaatDto | null;
  @ApiProperty({ type: String, nullable: true }) fout!: string | null;
}

class HerinneringenVerzendingDto {
  @ApiProperty() aan!: boolean;
  @ApiProperty() melding!: string;
  @ApiProperty({ example: '0 7 * * 1-5' }) schema!: string;
  @ApiProperty({ format: 'date-time', type: String, nullable: true }) volgende!: string | null;
  @ApiProperty() bezig!: boolean;
  @ApiPropertyOptional({ type: LaatsteRunDto, nullable: true }) laatste!: LaatsteRunDto | null;
  @ApiProperty() verstoord!: boolean;
}

/** The reminder schedule on this instance and its last run in full: to whom mail did not go, and why. */
@ApiTags('herinneringen')
@Controller('api/herinneringen/verzending')
export class HerinneringenVerzendingHttpController {
  constructor(private readonly job: HerinneringenJob) {}

  @Get()
  @Rollen('beheerder', 'auditor', 'griffier')
  @ApiOperation({ summary: 'De verzending van herinneringen op deze instantie: het schema, de volgende run en de laatste, met elk adres waaraan niets verstuurd kon worden en waarom' })
  @ApiOkResponse({ type: HerinneringenVerzendingDto })
  status(): HerinneringenStatus {
    return this.job.status();
  }
}

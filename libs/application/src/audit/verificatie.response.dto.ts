import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class VerificatieStartRequestDto {
  @ApiPropertyOptional({ description: 'Een eerder bewaard anker (van verifieren --anker of een eerdere verificatie): de controle bewijst ook dat het log het voortzet', example: 'mtr-anker:1:987678:987678:3f…' })
  @IsOptional()
  @Matches(/^mtr-anker:1:\d+:\d+:[0-9a-f]{64}$/, { message: 'moet een anker zijn zoals mtr-anker:1:<positie>:<aantal>:<64 hexadecimale tekens>' })
  tegen?: string;
}

class AnkerDto {
  @ApiProperty({ example: '987678' }) positie!: string;
  @ApiProperty({ example: 987678, description: 'events tot en met deze positie' }) aantal!: number;
  @ApiProperty({ description: 'de schakel van de logketen op die positie (SHA-256, hexadecimaal)' }) keten!: string;
  @ApiProperty({ description: 'het anker als één regel, om buiten het register te bewaren', example: 'mtr-anker:1:987678:987678:3f…' }) tekst!: string;
}

class VerificatieProbleemDto {
  @ApiProperty({ example: 'motie-9d956181-2bc5-4bca-8b19-f8d735f570fe' }) stream!: string;
  @ApiProperty({ example: 2 }) revision!: number;
  @ApiPropertyOptional({ example: '17' }) positie?: string;
  @ApiProperty({ example: 'de inhoud past niet bij de opgeslagen hash: het event is gewijzigd' }) reden!: string;
}

class AnkerUitkomstDto {
  @ApiProperty({ type: AnkerDto }) anker!: AnkerDto;
  @ApiProperty({ description: 'zet het log het anker nog voort?' }) voortgezet!: boolean;
  @ApiPropertyOptional() reden?: string;
}

class VerificatieRapportDto {
  @ApiProperty() intact!: boolean;
  @ApiProperty() streams!: number;
  @ApiProperty() events!: number;
  @ApiProperty({ type: [VerificatieProbleemDto], description: 'per beschadigde stream de eerste breuk, en de eerste breuk van de logketen' }) problemen!: VerificatieProbleemDto[];
  @ApiPropertyOptional({ type: AnkerDto, description: 'de kop van de logketen: bewaar hem buiten het register als anker' }) kop?: AnkerDto;
  @ApiPropertyOptional({ type: AnkerUitkomstDto }) anker?: AnkerUitkomstDto;
}

class VoortgangDto {
  @ApiProperty() events!: number;
  @ApiProperty() totaal!: number;
}

export class VerificatieStandDto {
  @ApiProperty({ enum: ['bezig', 'klaar', 'mislukt'] }) status!: 'bezig' | 'klaar' | 'mislukt';
  @ApiProperty({ format: 'date-time' }) gestartOp!: string;
  @ApiProperty() gestartDoor!: string;
  @ApiPropertyOptional({ format: 'date-time' }) klaarOp?: string;
  @ApiProperty({ type: VoortgangDto }) voortgang!: VoortgangDto;
  @ApiPropertyOptional({ type: AnkerDto, description: 'het anker waartegen gecontroleerd wordt' }) tegen?: AnkerDto;
  @ApiPropertyOptional({ type: VerificatieRapportDto }) rapport?: VerificatieRapportDto;
  @ApiPropertyOptional() fout?: string;
}

import { Body, ConflictException, Controller, Delete, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GebruikerNietGevondenError, GebruikersStore, LaatsteBeheerderError, Rollen } from '@register/access';
import { AntwoordBevatGeheim } from '@register/application';
import { GebruikerToevoegenRequestDto } from './gebruikers.request.dto';
import { GebruikerResponseDto, NieuweGebruikerResponseDto } from './gebruikers.response.dto';

@ApiTags('beheer')
@Rollen('beheerder')
@Controller('api/beheer/gebruikers')
export class GebruikersHttpController {
  constructor(private readonly gebruikers: GebruikersStore) {}

  @Get()
  @ApiOperation({ summary: 'Alle gebruikers met hun rol (tokens worden nooit getoond)' })
  @ApiOkResponse({ type: [GebruikerResponseDto] })
  lijst(): GebruikerResponseDto[] {
    return this.gebruikers.lijst();
  }

  @Post()
  @HttpCode(201)
  @AntwoordBevatGeheim()
  @ApiOperation({ summary: 'Voeg een gebruiker toe; het antwoord bevat het token, dat daarna niet meer op te vragen is' })
  @ApiCreatedResponse({ type: NieuweGebruikerResponseDto })
  @ApiConflictResponse({ description: 'Er is al een actieve gebruiker met deze naam' })
  voegToe(@Body() body: GebruikerToevoegenRequestDto): NieuweGebruikerResponseDto {
    try {
      const token = this.gebruikers.voegToe(body.naam, body.rol, { email: body.email });
      return { naam: body.naam, rol: body.rol, email: body.email?.trim() || null, token };
    } catch (error) {
      throw new ConflictException((error as Error).message);
    }
  }

  @Delete(':naam')
  @HttpCode(204)
  @ApiOperation({ summary: 'Trek een gebruiker en al zijn tokens in; nooit de laatste actieve beheerder' })
  @ApiNoContentResponse({ description: 'Ingetrokken; het antwoord heeft geen inhoud' })
  @ApiNotFoundResponse({ description: 'Er is geen actieve gebruiker met deze naam' })
  @ApiConflictResponse({ description: 'De gebruiker is de laatste actieve beheerder (laatste-beheerder): voeg eerst een andere beheerder toe' })
  trekIn(@Param('naam') naam: string): void {
    try {
      this.gebruikers.trekIn(naam);
    } catch (error) {
      if (error instanceof LaatsteBeheerderError) throw new ConflictException({ message: error.message, code: error.code });
      if (error instanceof GebruikerNietGevondenError) throw new NotFoundException({ message: error.message, code: error.code });
      throw error;
    }
  }
}

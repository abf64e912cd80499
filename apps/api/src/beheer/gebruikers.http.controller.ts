import { Body, ConflictException, Controller, Delete, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { GebruikersStore, Rollen } from '@register/access';
import { AntwoordBevatGeheim } from '@register/application';
import { GebruikerToevoegenRequestDto } from './gebruikers.request.dto';

@ApiTags('beheer')
@Rollen('beheerder')
@Controller('api/beheer/gebruikers')
export class GebruikersHttpController {
  constructor(private readonly gebruikers: GebruikersStore) {}

  @Get()
  @ApiOperation({ summary: 'Alle gebruikers met hun rol (tokens worden nooit getoond)' })
  lijst() {
    return this.gebruikers.lijst();
  }

  @Post()
  @HttpCode(201)
  @AntwoordBevatGeheim()
  @ApiOperation({ summary: 'Voeg een gebruiker toe; het antwoord bevat het token, dat daarna niet meer op te vragen is' })
  voegToe(@Body() body: GebruikerToevoegenRequestDto) {
    try {
      return { naam: body.naam, rol: body.rol, token: this.gebruikers.voegToe(body.naam, body.rol) };
    } catch (error) {
      throw new ConflictException((error as Error).message);
    }
  }

  @Delete(':naam')
  @HttpCode(204)
  @ApiOperation({ summary: 'Trek een gebruiker en al zijn tokens in' })
  trekIn(@Param('naam') naam: string): void {
    try {
      this.gebruikers.trekIn(naam);
    } catch (error) {
      throw new NotFoundException((error as Error).message);
    }
  }
}

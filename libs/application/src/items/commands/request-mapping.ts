import { AfdoeningWijze, Lid, Termijn } from '@register/domain';
import { AfdoeningWijzeDto, LidDto, TermijnDto } from '../../http/dto/shared.request.dto';

/** From validated request DTOs to the domain's plain values. */
export function leden(dtos: readonly LidDto[]): Lid[] {
  return dtos.map((l) => ({ naam: l.naam, fractie: l.fractie ?? null }));
}

export function termijn(dto: TermijnDto | undefined | null): Termijn | null {
  return dto ? { omschrijving: dto.omschrijving, datum: dto.datum ?? null } : null;
}

export function wijze(dto: AfdoeningWijzeDto): AfdoeningWijze {
  return dto.soort === 'brief-ander-ministerie'
    ? { soort: dto.soort, referentie: dto.referentie, ministerie: dto.ministerie ?? '' }
    : { soort: dto.soort, referentie: dto.referentie };
}

import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { REGISTER_ROLLEN } from '@register/platform';

export const ROLLEN = REGISTER_ROLLEN;
export type Rol = (typeof ROLLEN)[number];

export const ROLLEN_KEY = 'register:rollen';
export const PUBLIEK_KEY = 'register:publiek';

/** The roles that may call this endpoint. Endpoints without it (and without @Publiek) are closed to all. */
export function Rollen(...rollen: Rol[]) {
  return applyDecorators(
    SetMetadata(ROLLEN_KEY, rollen),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Geen of ongeldig token' }),
    ApiForbiddenResponse({ description: `Alleen voor: ${rollen.join(', ')}` }),
  );
}

/** Open without authentication: health checks and the API documentation. */
export const Publiek = () => SetMetadata(PUBLIEK_KEY, true);

/** Who made the request, as established by authentication; never taken from the body. */
export interface Identiteit {
  readonly naam: string;
  readonly rollen: readonly Rol[];
  readonly bron: 'token' | 'oidc';
  /** When known (the user's own, or the token's `email` claim): what "Mijn items" matches behandelaars on. */
  readonly email?: string;
}

export const LEZERS: Rol[] = ['griffier', 'auditor', 'liaison'];

import { SetMetadata } from '@nestjs/common';

export const ANTWOORD_BEVAT_GEHEIM = 'register:antwoord-bevat-geheim';

/**
 * Marks a route whose answer carries a secret shown once (a new user's token). The Idempotency-Key
 * still guards it against running twice, but its answer is never stored, so it is never replayed.
 */
export const AntwoordBevatGeheim = () => SetMetadata(ANTWOORD_BEVAT_GEHEIM, true);

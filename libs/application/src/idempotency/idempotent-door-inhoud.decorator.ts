import { SetMetadata } from '@nestjs/common';

export const IDEMPOTENT_DOOR_INHOUD = 'register:idempotent-door-inhoud';

/**
 * The route is idempotent by what it receives (an upload: the same document makes the same import),
 * and its body is read after the Idempotency-Key is checked (multipart), so the key is not used there.
 */
export const IdempotentDoorInhoud = () => SetMetadata(IDEMPOTENT_DOOR_INHOUD, true);

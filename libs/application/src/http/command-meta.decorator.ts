import { BadRequestException, ExecutionContext, UnauthorizedException, createParamDecorator } from '@nestjs/common';
import type { AuthenticatedRequest } from '@register/access';
import { randomUUID } from 'node:crypto';
import { CommandMetadata } from '../command-metadata';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * Builds a command's metadata from the request. The actor is the authenticated identity, never
 * anything the client sends; a client may pass its own correlation id.
 */
export const Meta = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandMetadata => {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest & { idempotentie?: { sleutelId: string } }>();
  if (!request.identiteit) throw new UnauthorizedException('Aanmelden is nodig.');
  const header = request.headers['x-correlation-id'];
  const correlationId = Array.isArray(header) ? header[0] : header;
  if (correlationId !== undefined && !UUID.test(correlationId)) {
    throw new BadRequestException({ fouten: [{ veld: 'X-Correlation-Id', melding: 'moet een UUID zijn' }] });
  }
  const commandId = randomUUID();
  return {
    commandId,
    correlationId: correlationId ?? commandId,
    causationId: commandId,
    actor: request.identiteit.naam,
    ...(request.idempotentie ? { idempotencyKeyId: request.idempotentie.sleutelId } : {}),
  };
});

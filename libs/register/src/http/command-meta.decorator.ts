import { BadRequestException, ExecutionContext, createParamDecorator } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { CommandMetadata } from '../items/command-metadata';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const ACTOR = /^[\p{L}\p{N} .@_'-]{1,200}$/u;

/**
 * Builds a command's metadata from the request. The actor is the `X-Gebruiker` header for now;
 * the access-control issue replaces it with the authenticated identity.
 */
export const Meta = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandMetadata => {
  const request = ctx.switchToHttp().getRequest<Request>();
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const commandId = randomUUID();
  const correlationId = header('x-correlation-id');
  if (correlationId !== undefined && !UUID.test(correlationId)) {
    throw new BadRequestException({ fouten: [{ veld: 'X-Correlation-Id', melding: 'moet een UUID zijn' }] });
  }
  const actor = header('x-gebruiker');
  if (actor !== undefined && !ACTOR.test(actor)) {
    throw new BadRequestException({ fouten: [{ veld: 'X-Gebruiker', melding: 'moet een naam van hoogstens 200 tekens zijn' }] });
  }
  return { commandId, correlationId: correlationId ?? commandId, causationId: commandId, actor: actor ?? 'onbekend' };
});

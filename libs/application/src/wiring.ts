import { Provider, Type } from '@nestjs/common';

/** What one aggregate brings to the application module, by role. */
export interface Wiring {
  /** HTTP controllers: map a request DTO to a command or a query. */
  readonly controllers: readonly Type[];
  /** @nestjs/cqrs command handlers. */
  readonly handlers: readonly Type[];
  /** Write paths, read services and jobs the handlers and controllers use. */
  readonly services: readonly Provider[];
  /** Reactors: checkpointed subscribers that issue commands (joined to the projection runner). */
  readonly reactors: readonly Type[];
}

export * from './register.module';
export * from './infrastructure.module';
export * from './items/command-metadata';
export * from './items/item-command.service';
export * from './items/item-event-store';
export * from './items/register.errors';
export * from './http/problem-details.filter';
export * from './http/validation';

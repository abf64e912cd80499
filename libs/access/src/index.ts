export * from './rollen';
export * from './gebruikers.store';
export * from './auth.guard';
export * from './access.module';
export * from './oidc.verifier';
export * from './mislukte-pogingen';
export * from './mislukte-poging.entity';
export * from './mislukte-pogingen.migrations';

import { Global, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { AppConfig, parseRoleMap } from '@register/platform';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AuthGuard, OIDC_VERIFIER } from './auth.guard';
import { GebruikersStore } from './gebruikers.store';
import { IkHttpController } from './ik.http.controller';
import { MisluktePogingen } from './mislukte-pogingen';
import { OidcVerifier } from './oidc.verifier';

@Injectable()
class GebruikersLifecycle implements OnApplicationShutdown {
  constructor(private readonly store: GebruikersStore) {}

  onApplicationShutdown(): void {
    this.store.close();
  }
}

/** Authentication and roles: register tokens in the data directory, and OIDC when configured. */
@Global()
@Module({
  controllers: [IkHttpController],
  providers: [
    {
      provide: GebruikersStore,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => new GebruikersStore(join(config.get('DATA_DIR', { infer: true }), 'gebruikers.sqlite')),
    },
    {
      provide: MisluktePogingen,
      // The application database (InfrastructureModule) holds the count, shared by every instance.
      inject: [ConfigService, DataSource],
      useFactory: (config: ConfigService<AppConfig, true>, dataSource: DataSource) => new MisluktePogingen(dataSource, config.get('AUTH_MAX_MISLUKT', { infer: true }), 60_000),
    },
    {
      provide: OIDC_VERIFIER,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => {
        const issuer = config.get('OIDC_ISSUER', { infer: true });
        if (!issuer) return undefined;
        new Logger('Toegang').log(`OIDC-tokens van ${issuer} worden geaccepteerd.`);
        return new OidcVerifier({
          issuer,
          audience: config.get('OIDC_AUDIENCE', { infer: true })!,
          jwksUrl: config.get('OIDC_JWKS_URL', { infer: true })!,
          roleClaim: config.get('OIDC_ROLE_CLAIM', { infer: true }),
          roleMap: parseRoleMap(config.get('OIDC_ROLE_MAP', { infer: true })),
          nameClaim: config.get('OIDC_NAME_CLAIM', { infer: true }),
        });
      },
    },
    { provide: APP_GUARD, useClass: AuthGuard },
    GebruikersLifecycle,
  ],
  exports: [GebruikersStore],
})
export class AccessModule {}

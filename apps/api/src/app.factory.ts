import { INestApplication, LogLevel } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig, trustProxy } from '@register/platform';
import { ProblemDetailsFilter, controleerJsonBody, validationPipe } from '@register/application';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppModule } from './app.module';

/** Above this the body parser answers 413; field limits (400) bite well before it. */
export const BODY_LIMIT = '2mb';

export function configureApp(app: NestExpressApplication): INestApplication {
  app.disable('x-powered-by');
  // req.ip, by which failed sign-ins are counted, comes from X-Forwarded-For only if the sender is a proxy named here.
  app.set('trust proxy', trustProxy(app.get<ConfigService<AppConfig, true>>(ConfigService).get('TRUST_PROXY', { infer: true })));
  // Helmet's defaults, without upgrade-insecure-requests: on an intranet the register may be served over plain HTTP behind a proxy.
  app.use(helmet({ contentSecurityPolicy: { directives: { 'upgrade-insecure-requests': null } } }));
  // The verify hook refuses a body nested too deep before it is parsed (see controleerJsonBody).
  app.useBodyParser('json', { limit: BODY_LIMIT, verify: controleerJsonBody });
  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  // CORS is closed unless origins are named: the register is called by its own pages and by servers.
  const origins = (process.env.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  if (origins.length > 0) app.enableCors({ origin: origins, methods: ['GET', 'POST', 'DELETE'], allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Correlation-Id'] });
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Register moties en toezeggingen')
      .setDescription(
        'Event-sourced register van aangenomen moties en toezeggingen van bewindspersonen. Elke registratie en statuswijziging is een onveranderlijk event; ' +
          'het register is een projectie daarvan. Fouten komen als application/problem+json.',
      )
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Een registertoken (mtr_…) of, indien ingesteld, een OIDC-toegangstoken' })
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  serveWebApp(app);
  return app;
}

/** The built web app (dist/web): from the compiled API next to it, or from the repository root. */
export function webAppDir(): string | undefined {
  return [resolve(__dirname, '../../../web'), resolve(process.cwd(), 'dist/web')].find((dir) => existsSync(join(dir, 'index.html')));
}

/**
 * The web app is served by the same process: its files, and index.html for every page address
 * (/register, /items/…) so that a bookmarked or shared URL opens the right page.
 */
function serveWebApp(app: NestExpressApplication): void {
  const dir = webAppDir();
  if (!dir) return;
  app.useStaticAssets(join(dir, 'assets'), { prefix: '/assets/', immutable: true, maxAge: '1y', fallthrough: false });
  const index = join(dir, 'index.html');
  app.use((req: Request, res: Response, next: NextFunction) => {
    const pagina = req.method === 'GET' && !req.path.startsWith('/api/') && req.path !== '/api' && !req.path.startsWith('/health') && !req.path.startsWith('/agenda/') && !req.path.startsWith('/openbaar') && req.accepts(['html', 'json']) === 'html';
    if (!pagina) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

export async function createApp(logLevels?: LogLevel[]): Promise<NestExpressApplication> {
  // abortOnError: false: a start that fails (invalid configuration) rejects with its message instead of Nest ending the process.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(), { bodyParser: false, abortOnError: false, logger: logLevels ?? ['fatal', 'error', 'warn', 'log'] });
  configureApp(app);
  return app;
}

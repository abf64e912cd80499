import { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ProblemDetailsFilter, registerValidationPipe } from '@register/register';
import helmet from 'helmet';
import { AppModule } from './app.module';

/** Above this the body parser answers 413; field limits (400) bite well before it. */
export const BODY_LIMIT = '2mb';

export function configureApp(app: NestExpressApplication): INestApplication {
  app.disable('x-powered-by');
  app.use(helmet());
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.useGlobalPipes(registerValidationPipe());
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
  return app;
}

export async function createApp(logLevels?: LogLevel[]): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(), { bodyParser: false, logger: logLevels ?? ['fatal', 'error', 'warn', 'log'] });
  configureApp(app);
  return app;
}

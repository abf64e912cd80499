import { ConfigService } from '@nestjs/config';
import { AppConfig } from '@register/platform';

/** The web app's address for links in mails and calendars: WEB_URL, else this server's own address. */
export function webAdres(config: ConfigService<AppConfig, true>): string {
  const url = config.get('WEB_URL', { infer: true });
  if (url) return url.replace(/\/+$/, '');
  const host = config.get('HOST', { infer: true });
  return `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${config.get('PORT', { infer: true })}`;
}

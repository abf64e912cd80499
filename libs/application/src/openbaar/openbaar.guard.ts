import { CanActivate, Injectable, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfig } from '@register/platform';

export function openbaarAan(config: ConfigService<AppConfig, true>): boolean {
  return config.get('OPENBAAR', { infer: true }) === 'aan';
}

/** The public side answers only when OPENBAAR=aan; otherwise its addresses do not exist. */
@Injectable()
export class OpenbaarAanGuard implements CanActivate {
  private readonly aan: boolean;

  constructor(config: ConfigService<AppConfig, true>) {
    this.aan = openbaarAan(config);
  }

  canActivate(): boolean {
    if (!this.aan) throw new NotFoundException({ code: 'openbaar-uit', message: 'Het openbare register is op deze server niet ingeschakeld.' });
    return true;
  }
}

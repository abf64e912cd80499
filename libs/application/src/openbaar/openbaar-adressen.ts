import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfig } from '@register/platform';
import { webAdres } from '../web-adres';

/**
 * The public site's addresses. Built from configuration only, never from the request's Host header:
 * pages are cached and shared between visitors, so a forged Host must not end up in a link.
 */
@Injectable()
export class OpenbaarAdressen {
  /** Absolute, without a trailing slash: https://open.minjenv.nl/openbaar */
  readonly basis: string;

  constructor(config: ConfigService<AppConfig, true>) {
    const eigen = config.get('OPENBAAR_URL', { infer: true })?.replace(/\/+$/, '');
    this.basis = `${eigen ?? webAdres(config)}/openbaar`;
  }

  /** The item's stable page: by the Kamer's number where it has one, by its id otherwise. */
  itemPad(item: { itemId: string; nummer: string; nummerBron: string }): string {
    return `/openbaar/items/${encodeURIComponent(item.nummerBron === 'kamer' ? item.nummer : item.itemId)}`;
  }

  item(item: { itemId: string; nummer: string; nummerBron: string }): string {
    return this.absoluut(this.itemPad(item));
  }

  berichtPad(berichtId: string): string {
    return `/openbaar/halfjaarberichten/${encodeURIComponent(berichtId)}`;
  }

  bericht(berichtId: string): string {
    return this.absoluut(this.berichtPad(berichtId));
  }

  /** A path under /openbaar/ as an absolute address. */
  absoluut(pad: string): string {
    return `${this.basis}${pad.replace(/^\/openbaar/, '')}`;
  }
}

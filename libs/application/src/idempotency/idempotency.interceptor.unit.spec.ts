import { sleutelIdVan } from './idempotency.interceptor';

describe('the record id of an Idempotency-Key', () => {
  it('keeps users apart whatever their names contain', () => {
    expect(sleutelIdVan('oidc:a|b', 'c')).not.toBe(sleutelIdVan('oidc:a', 'b|c'));
    expect(sleutelIdVan('oidc:a"', 'b')).not.toBe(sleutelIdVan('oidc:a', '"b'));
  });

  it('is the same for the same user and key', () => {
    expect(sleutelIdVan('griffier.jansen', 'k-1')).toBe(sleutelIdVan('griffier.jansen', 'k-1'));
  });
});

import { findMunicipality, MUNICIPALITIES, MUNICIPALITIES_YEAR } from '../../../services/municipalities/municipalities';
import { TENANT_ID_PATTERN } from '../../../platform/store/tenants';

describe('the official list of municipalities', () => {
  it('holds the 342 municipalities of 2026, each with a unique CBS code a tenant id can be', () => {
    expect(MUNICIPALITIES_YEAR).toBe(2026);
    expect(MUNICIPALITIES).toHaveLength(342);
    expect(new Set(MUNICIPALITIES.map((m) => m.code)).size).toBe(342);
    for (const m of MUNICIPALITIES) expect(m.code).toMatch(new RegExp(TENANT_ID_PATTERN));
    expect(new Set(MUNICIPALITIES.map((m) => m.province)).size).toBe(12);
  });

  it('finds municipalities by code, including recent reorganisations, and nothing for an unknown or ended code', () => {
    expect(findMunicipality('GM0014')).toEqual({ code: 'GM0014', name: 'Groningen', province: 'Groningen' });
    expect(findMunicipality('GM0363')?.name).toBe('Amsterdam');
    expect(findMunicipality('GM0518')?.name).toBe("'s-Gravenhage");
    expect(findMunicipality('GM1992')?.name).toBe('Voorne aan Zee');
    expect(findMunicipality('GM0457')).toBeUndefined(); // Weesp, part of Amsterdam since 2022
    expect(findMunicipality('GM0000')).toBeUndefined();
  });
});

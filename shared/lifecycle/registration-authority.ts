import { findDivision } from '../registration/divisions';

/**
 * The registration authority of a county-level division and the printed prefix of an address
 * there, as registration approval names them (server/modules/registration/approve.ts): the
 * district's market regulation bureau, or the city's for a city proper.
 */
export const registrationAuthorityOf = (
  divisionCode: string,
): { authority: string; domicilePrefix: string } | undefined => {
  const d = findDivision(divisionCode);
  const city = d?.cityCode ? findDivision(d.cityCode) : undefined;
  if (!d || !city || d.level !== 'county') return undefined;
  const place = d.kind === 'city-proper' ? city.name : city.name + d.name;
  return { authority: `${place}市场监督管理局`, domicilePrefix: d.fullName };
};

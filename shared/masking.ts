/** Personal data is shown masked except to its owner: 4401**********1234, 138****5678. */
export const maskResidentId = (id: string): string =>
  id.length <= 8 ? '*'.repeat(id.length) : `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;

export const maskPhone = (phone: string): string =>
  phone.length < 7
    ? '*'.repeat(phone.length)
    : `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;

/** A company someone may not see (outside a staff member's access groups): 东莞********公司. */
export const maskCompanyName = (name: string): string => {
  const chars = [...name];
  return chars.length <= 4
    ? '*'.repeat(chars.length)
    : `${chars.slice(0, 2).join('')}${'*'.repeat(Math.max(4, chars.length - 4))}${chars.slice(-2).join('')}`;
};

/** 91**************43: the region and check characters only. */
export const maskUscc = (uscc: string): string =>
  uscc.length <= 4
    ? '*'.repeat(uscc.length)
    : `${uscc.slice(0, 2)}${'*'.repeat(uscc.length - 4)}${uscc.slice(-2)}`;

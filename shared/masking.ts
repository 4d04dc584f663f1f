/** Personal data is shown masked except to its owner: 4401**********1234, 138****5678. */
export const maskResidentId = (id: string): string =>
  id.length <= 8 ? '*'.repeat(id.length) : `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;

export const maskPhone = (phone: string): string =>
  phone.length < 7
    ? '*'.repeat(phone.length)
    : `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;

// What other modules may use of the identity authority: the port (which authority this platform
// asks), the reference face of a person, loading a register entry (seeds, tests) and the types.
export type { IdentityAuthority, NameVerdict, Within } from './authority';
export { importAuthorityFile } from './import-file';
export { loadRegisterEntry, LocalRegister, type RegisterEntry } from './local-register';
export { identityAuthorityFor, setIdentityAuthority } from './port';
export { referenceFaceOf } from './reference-face';

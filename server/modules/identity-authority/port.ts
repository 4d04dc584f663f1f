import type { AppContext } from '../../context';
import type { IdentityAuthority } from './authority';
import { LocalRegister } from './local-register';

/**
 * Where the platform gets its identity authority: the bundled local register unless a deployment
 * installs another implementation (CTID, a provincial service) for its context at start.
 */
export const identityAuthorityFor = (ctx: AppContext): IdentityAuthority =>
  (ctx.services.identityAuthority ??= new LocalRegister(ctx));

/** Deployments (and tests) plug another authority in for one context. */
export const setIdentityAuthority = (ctx: AppContext, authority: IdentityAuthority): void => {
  ctx.services.identityAuthority = authority;
};

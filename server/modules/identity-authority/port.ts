import type { AppContext } from '../../context';
import type { IdentityAuthority } from './authority';
import { LocalRegister } from './local-register';

/**
 * Where the platform gets its identity authority: the bundled local register unless a deployment
 * installs another implementation (CTID, a provincial service) for its context at start.
 */
const authorities = new WeakMap<AppContext, IdentityAuthority>();

export const identityAuthorityFor = (ctx: AppContext): IdentityAuthority => {
  let a = authorities.get(ctx);
  if (!a) {
    a = new LocalRegister(ctx);
    authorities.set(ctx, a);
  }
  return a;
};

/** Deployments (and tests) plug another authority in for one context. */
export const setIdentityAuthority = (ctx: AppContext, authority: IdentityAuthority): void => {
  authorities.set(ctx, authority);
};

import type { RouteObject } from 'react-router';

/** Routes features add: `signedIn` render inside the shell; `open` need no sign-in (phone approval, public verification). */
export const featureRoutes: { signedIn: RouteObject[]; open: RouteObject[] } = { signedIn: [], open: [] };

// Nothing here for other modules: the registration module's routes are registered in server/routes.ts.
export {};

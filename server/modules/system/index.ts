// Nothing here for other modules: the system module's routes are registered in server/routes.ts.
export {};

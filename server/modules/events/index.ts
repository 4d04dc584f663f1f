// Nothing here for other modules: the events module's routes are registered in server/routes.ts.
export {};

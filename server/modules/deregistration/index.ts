// What other code may use of simplified deregistration: its routes and the scheduled step.
export { deregistrationRoutes } from './routes';
export { sweepDeregistrations } from './procedure';

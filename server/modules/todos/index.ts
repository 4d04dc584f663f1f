// The to-do centre: what the platform may use of it — the scheduled reminder run, and the
// collection itself for benchmarks and other views.
export { todoRoutes } from './routes';
export { sendDueReminders } from './reminders';
export { collectTodos } from './collect';

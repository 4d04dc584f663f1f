import type { DbOrTx } from '../../db/types';
import { chinaToday } from '../../../shared/time/china';
import { sortTodos, type Company } from '../../../shared/todos/rules';
import type { TodoItem, TodoKind, TodoList } from '../../../shared/todos/model';
import { firmCompanies, personCompanies, type ScopeCompany } from './scope';
import { SOURCES, type Viewer } from './sources';

/**
 * Everything with a deadline for a viewer: one statement for the companies in scope, then one
 * (chunked) statement per source — about eight statements whatever the number of clients.
 */
export const collectTodos = async (db: DbOrTx, viewer: Viewer, now: Date): Promise<TodoItem[]> => {
  const today = chinaToday(now);
  const list: ScopeCompany[] =
    viewer.kind === 'firm'
      ? await firmCompanies(db, viewer.firmId, viewer.personId, viewer.role)
      : await personCompanies(db, viewer.personId, now);
  const byId = new Map<string, Company>(list.map((c) => [c.id, { id: c.id, name: c.name, uscc: c.uscc }]));
  // One after another: PGlite has one connection, and a pool gains little on eight statements.
  const items: TodoItem[] = [];
  for (const source of SOURCES) items.push(...(await source(db, viewer, list, byId, now, today)));
  // The same item can reach a person twice (legal representative and delegate): one is enough.
  const unique = new Map(items.map((i) => [i.key, i]));
  return sortTodos([...unique.values()], today);
};

export const todoList = (
  items: TodoItem[],
  now: Date,
  options: { limit?: number | undefined; kind?: TodoKind | undefined },
): TodoList => {
  const filtered = options.kind ? items.filter((i) => i.kind === options.kind) : items;
  return {
    today: chinaToday(now),
    items: options.limit ? filtered.slice(0, options.limit) : filtered,
    total: filtered.length,
  };
};

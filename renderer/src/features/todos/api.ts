import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { todosApi } from '../../../../shared/api/contracts/todos';
import { firmsTeamApi } from '../../../../shared/api/contracts/firms-team';
import type { TodoKind } from '../../../../shared/todos/model';
import { useSession } from '../../state/session';

export const TODOS_KEY = ['todos'] as const;

/** "mine" or a firm's id. */
export type TodoScope = 'mine' | { firmId: string };

export const useTodos = (scope: TodoScope, options: { limit?: number; kind?: TodoKind } = {}) =>
  useQuery({
    queryKey: [
      ...TODOS_KEY,
      'list',
      scope === 'mine' ? 'mine' : scope.firmId,
      options.limit ?? 0,
      options.kind ?? '',
    ],
    queryFn: () => {
      const query = {
        ...(options.limit ? { limit: options.limit } : {}),
        ...(options.kind ? { kind: options.kind } : {}),
      };
      return scope === 'mine'
        ? api.call(todosApi.mine, { query })
        : api.call(todosApi.firm, { params: { firmId: scope.firmId }, query });
    },
  });

export const useTodoFirms = () => {
  const token = useSession((s) => s.token);
  return useQuery({
    queryKey: [...TODOS_KEY, 'firms'],
    queryFn: () => api.call(firmsTeamApi.mine),
    enabled: !!token,
  });
};

export const useTodoSettings = () =>
  useQuery({ queryKey: [...TODOS_KEY, 'settings'], queryFn: () => api.call(todosApi.settings) });

export const useNotices = () => {
  const token = useSession((s) => s.token);
  return useQuery({
    queryKey: [...TODOS_KEY, 'notices'],
    queryFn: () => api.call(todosApi.notices),
    enabled: !!token,
    staleTime: 5 * 60_000,
  });
};

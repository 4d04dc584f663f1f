import { featureRoutes } from '../../app/feature-routes';
import { lazyPage, lazyPanel } from '../../app/lazy-page';
import { homeWidgets, reviewerHomeWidgets } from '../../app/home-widgets';
import { eventHandlers, lazyEventHandler } from '../../app/event-handlers';

/** The to-do centre (待办), its settings, the home widget, platform notices and reminder notifications. */
export const registerTodos = (): void => {
  featureRoutes.signedIn.push(
    { path: '/todos', element: lazyPage(() => import('./TodosPage').then(({ TodosPage }) => TodosPage)) },
    {
      path: '/todos/settings',
      element: lazyPage(() => import('./SettingsPage').then(({ TodoSettingsPage }) => TodoSettingsPage)),
    },
  );
  featureRoutes.signedIn.push({
    path: '/review/notices',
    element: lazyPage(() => import('./NoticesAdminPage').then(({ NoticesAdminPage }) => NoticesAdminPage)),
  });
  reviewerHomeWidgets.push(
    lazyPanel(() => import('./NoticesAdminPage').then(({ NoticesReviewerWidget }) => NoticesReviewerWidget), {
      skeleton: false,
    }),
  );
  // Notices first on the home page, the to-do list right after them.
  homeWidgets.unshift(
    lazyPanel(() => import('./NoticesBanner').then(({ NoticesBanner }) => NoticesBanner), {
      skeleton: false,
    }),
    lazyPanel(() => import('./HomeWidget').then(({ TodosHomeWidget }) => TodosHomeWidget), {
      skeleton: false,
    }),
  );
  eventHandlers.push(
    lazyEventHandler(() => import('./events').then(({ todosEventHandler }) => todosEventHandler)),
  );
};

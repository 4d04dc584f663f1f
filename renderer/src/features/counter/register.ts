import { lazyPanel } from '../../app/lazy-page';
import { reviewerHomeWidgets } from '../../app/home-widgets';

/** Counter verification on the reviewer's home. */
export const registerCounter = (): void => {
  reviewerHomeWidgets.push(
    lazyPanel(() => import('./CounterVerifyWidget').then(({ CounterVerifyWidget }) => CounterVerifyWidget)),
  );
};

import { lazyPanel } from '../../app/lazy-page';
import { reviewerHomeWidgets } from '../../app/home-widgets';
import { featureMessages } from '../../i18n/features';
import { counterMessages } from './i18n';

/** Counter verification on the reviewer's home. */
export const registerCounter = (): void => {
  featureMessages.zh.counter = counterMessages.zh;
  featureMessages.en.counter = counterMessages.en;
  reviewerHomeWidgets.push(
    lazyPanel(() => import('./CounterVerifyWidget').then(({ CounterVerifyWidget }) => CounterVerifyWidget)),
  );
};

import type { AppContext } from '../../context';
import { chinaToday } from '../../../shared/time/china';

/** Today's date in China by the platform's (injectable) clock. */
export const todayInChina = (ctx: AppContext): string => chinaToday(ctx.now());

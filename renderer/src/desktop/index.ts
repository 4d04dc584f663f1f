import type { DesktopApi } from '../../../shared/desktop-api';
import { browserDesktop } from './browser-desktop';

declare global {
  interface Window {
    desktop?: DesktopApi;
  }
}

/** Electron's preload sets window.desktop; in a browser we use our own implementation. */
export const desktop: DesktopApi = window.desktop ?? browserDesktop;

import type { WebContents } from 'electron';
import { DEEP_LINK_EVENT } from './ipc-channels';

/**
 * Delivers in-app paths (from deep links and menu commands) to the renderer. Paths that arrive
 * before the page has loaded — a cold start from a link — wait until it has.
 */
export class DeepLinkRouter {
  private contents: WebContents | null = null;
  private loaded = false;
  private pending: string[] = [];

  attach(contents: WebContents): void {
    this.contents = contents;
    this.loaded = false;
    contents.on('did-start-loading', () => {
      this.loaded = false;
    });
    contents.on('did-finish-load', () => {
      this.loaded = true;
      this.flush();
    });
    contents.once('destroyed', () => {
      if (this.contents === contents) this.contents = null;
    });
  }

  send(path: string): void {
    this.pending.push(path);
    this.flush();
  }

  private flush(): void {
    const contents = this.contents;
    if (!contents || !this.loaded || contents.isDestroyed()) return;
    for (const path of this.pending.splice(0)) contents.send(DEEP_LINK_EVENT, path);
  }
}

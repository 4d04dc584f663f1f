/**
 * The only bridge between the page and the shell. Runs sandboxed (CommonJS; at run time it
 * requires nothing but `electron`) and exposes exactly one object, `window.desktop`, whose methods
 * each call one named channel. No raw ipcRenderer, no generic invoke.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { DesktopApi } from '../shared/desktop-api';
import { createDesktopBridge } from './desktop-bridge';

const desktop = createDesktopBridge(ipcRenderer) satisfies DesktopApi;

contextBridge.exposeInMainWorld('desktop', desktop);

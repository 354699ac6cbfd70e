/**
 * A recording stand-in for the `electron` module. The Electron binary cannot run on CI machines,
 * so the built main bundle (out/main/index.cjs) is loaded with `require('electron')` resolved to
 * this object. It behaves like Electron where the bundle depends on it (ready event, windows
 * created through web-contents-created, protocol and IPC registration) and records every call a
 * test needs to check the wiring.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join } from 'node:path';

type Listener = (...args: unknown[]) => unknown;

const ONE_DISPLAY = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workAreaSize: { width: 1920, height: 1080 },
};

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, fn: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
    return this;
  }
  once(event: string, fn: Listener): this {
    const wrapped: Listener = (...args) => {
      this.listeners.set(
        event,
        (this.listeners.get(event) ?? []).filter((f) => f !== wrapped),
      );
      return fn(...args);
    };
    return this.on(event, wrapped);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const fn of this.listeners.get(event) ?? []) fn(...args);
  }
  count(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

/** What a window's page file looked like when it was loaded (print windows load a temp file). */
export interface LoadedFile {
  path: string;
  existed: boolean;
  mode: number;
  dirMode: number;
  html: string;
}

export class StandInWebContents extends Emitter {
  windowOpenHandler: Listener | null = null;
  readonly sent: { channel: string; payload: unknown }[] = [];
  readonly printed: unknown[] = [];
  /** Scripts run in the page; the page's HTML as loaded stands for the result of a script that returns it. */
  readonly scripts: string[] = [];
  html = '';
  executeJavaScript(code: string): Promise<unknown> {
    this.scripts.push(code);
    return Promise.resolve(code.startsWith('document.fonts') ? true : this.html);
  }
  setWindowOpenHandler(fn: Listener): void {
    this.windowOpenHandler = fn;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  print(options: unknown, callback: (success: boolean, reason?: string) => void): void {
    this.printed.push(options);
    callback(true);
  }
  async printToPDF(options: unknown): Promise<Buffer> {
    this.printed.push(options);
    return Buffer.from('%PDF-1.7 stand-in');
  }
}

export interface StandInRecord {
  /** Calls in the order they happened, e.g. 'protocol.registerSchemesAsPrivileged', 'ready'. */
  calls: string[];
  /** Calls to Electron APIs made at the wrong time (e.g. a scheme registered after ready). */
  misuse: string[];
  privilegedSchemes: { scheme: string; privileges?: Record<string, boolean> }[];
  protocolHandlers: Map<string, (request: Request) => Response | Promise<Response>>;
  windows: StandInWindow[];
  ipcHandlers: Map<string, (event: unknown, input: unknown) => unknown>;
  permissionRequestHandler: Listener | null;
  permissionCheckHandler: Listener | null;
  beforeRequest: { filter: { urls: string[] }; listener: Listener }[];
  headersReceived: unknown[];
  openExternal: string[];
  errorBoxes: { title: string; content: string }[];
  messageBoxes: unknown[];
  exitCodes: number[];
  loadedFiles: LoadedFile[];
}

export class StandInWindow extends Emitter {
  readonly webContents = new StandInWebContents();
  readonly loadedUrls: string[] = [];
  destroyed = false;
  visible = false;
  constructor(
    readonly options: Record<string, unknown>,
    private readonly stand: ElectronStandIn,
  ) {
    super();
    stand.record.windows.push(this);
    stand.record.calls.push('new BrowserWindow');
    // Electron announces every new web contents before the constructor returns.
    stand.app.emit('web-contents-created', { preventDefault() {} }, this.webContents);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    return Promise.resolve();
  }
  loadFile(path: string): Promise<void> {
    const existed = existsSync(path);
    this.stand.record.loadedFiles.push({
      path,
      existed,
      mode: existed ? statSync(path).mode & 0o777 : 0,
      dirMode: existed ? statSync(dirname(path)).mode & 0o777 : 0,
      html: existed ? readFileSync(path, 'utf8') : '',
    });
    this.webContents.html = this.stand.record.loadedFiles.at(-1)?.html ?? '';
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
  }
  showInactive(): void {
    this.visible = true;
  }
  close(): void {
    this.destroy();
  }
  destroy(): void {
    this.destroyed = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  flashFrame(): void {}
  setAlwaysOnTop(): void {}
}

export class ElectronStandIn {
  readonly record: StandInRecord = {
    calls: [],
    misuse: [],
    privilegedSchemes: [],
    protocolHandlers: new Map(),
    windows: [],
    ipcHandlers: new Map(),
    permissionRequestHandler: null,
    permissionCheckHandler: null,
    beforeRequest: [],
    headersReceived: [],
    openExternal: [],
    errorBoxes: [],
    messageBoxes: [],
    exitCodes: [],
    loadedFiles: [],
  };
  ready = false;
  readonly app: Emitter;
  /** The object `require('electron')` returns. */
  readonly module: Record<string, unknown>;

  constructor(private readonly root: string) {
    const rec = this.record;
    let markReady: () => void;
    const readyPromise = new Promise<void>((r) => (markReady = r));
    // Like Electron, ready comes after the main script has run to its end.
    setImmediate(() => {
      this.ready = true;
      rec.calls.push('ready');
      markReady();
      this.app.emit('ready');
    });
    const app = Object.assign(new Emitter(), {
      whenReady: () => readyPromise,
      isReady: () => this.ready,
      getPath: (name: string) => {
        const dir = join(root, 'electron-paths', name);
        mkdirSync(dir, { recursive: true });
        return dir;
      },
      getVersion: () => '0.1.0',
      getName: () => 'shuozhou-duty-console',
      isPackaged: false,
      exit: (code = 0) => rec.exitCodes.push(code),
      quit: () => rec.calls.push('app.quit'),
      relaunch: () => rec.calls.push('app.relaunch'),
    });
    this.app = app;

    const whenReadyOnly = (name: string) => {
      rec.calls.push(name);
      if (!this.ready) rec.misuse.push(`${name} before ready`);
    };

    this.module = {
      app,
      BrowserWindow: windowClass(this),
      ipcMain: {
        handle(channel: string, fn: Listener) {
          // Electron refuses a second handler for one channel.
          if (rec.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
          rec.ipcHandlers.set(channel, fn);
        },
        on: () => undefined,
        removeHandler: (channel: string) => rec.ipcHandlers.delete(channel),
      },
      protocol: {
        registerSchemesAsPrivileged: (schemes: StandInRecord['privilegedSchemes']) => {
          rec.calls.push('protocol.registerSchemesAsPrivileged');
          // Electron throws here after ready; record it so the test names the mistake.
          if (this.ready) rec.misuse.push('protocol.registerSchemesAsPrivileged after ready');
          rec.privilegedSchemes.push(...schemes);
        },
        handle(scheme: string, fn: (request: Request) => Response | Promise<Response>) {
          whenReadyOnly('protocol.handle');
          rec.protocolHandlers.set(scheme, fn);
        },
      },
      session: {
        defaultSession: {
          webRequest: {
            onBeforeRequest(filter: { urls: string[] }, listener: Listener) {
              whenReadyOnly('webRequest.onBeforeRequest');
              rec.beforeRequest.push({ filter, listener });
            },
            onHeadersReceived(...args: unknown[]) {
              rec.headersReceived.push(args);
            },
          },
          setPermissionRequestHandler(fn: Listener) {
            whenReadyOnly('session.setPermissionRequestHandler');
            rec.permissionRequestHandler = fn;
          },
          setPermissionCheckHandler(fn: Listener) {
            whenReadyOnly('session.setPermissionCheckHandler');
            rec.permissionCheckHandler = fn;
          },
        },
      },
      shell: {
        openExternal: (url: string) => {
          rec.openExternal.push(url);
          return Promise.resolve();
        },
      },
      dialog: {
        showErrorBox: (title: string, content: string) => rec.errorBoxes.push({ title, content }),
        showMessageBox: (options: unknown) => {
          rec.messageBoxes.push(options);
          return Promise.resolve({ response: 0 });
        },
        showSaveDialog: () => Promise.resolve({ canceled: false, filePath: join(root, 'saved.pdf') }),
      },
      powerMonitor: new Emitter(),
      // The keychain: available, sealing with a visible marker so a test can tell a sealed file.
      safeStorage: {
        isEncryptionAvailable: () => true,
        encryptString: (text: string) => Buffer.from(`sealed:${text}`),
        decryptString: (sealed: Buffer) => sealed.toString().replace(/^sealed:/, ''),
        isAsyncEncryptionAvailable: () => Promise.resolve(true),
        encryptStringAsync: (text: string) => Promise.resolve(Buffer.from(`sealed:${text}`)),
        decryptStringAsync: (sealed: Buffer) =>
          Promise.resolve({ shouldReEncrypt: false, result: sealed.toString().replace(/^sealed:/, '') }),
      },
      Notification: class {
        static isSupported = () => false;
        show() {}
      },
      // One display: no wall window (issue 17 opens it on a second one).
      screen: Object.assign(new Emitter(), {
        getPrimaryDisplay: () => ONE_DISPLAY,
        getAllDisplays: () => [ONE_DISPLAY],
      }),
    };
  }
}

/** The stand-in's BrowserWindow class: every instance is recorded by `stand`. */
function windowClass(stand: ElectronStandIn) {
  return class BrowserWindow extends StandInWindow {
    constructor(options: Record<string, unknown> = {}) {
      super(options, stand);
    }
    static getAllWindows = () => stand.record.windows.filter((w) => !w.destroyed);
  };
}

/**
 * Makes `require('electron')` return the stand-in for CommonJS code loaded after this call.
 * Returns the function that undoes it.
 */
export function installStandIn(stand: ElectronStandIn, idDir: string): () => void {
  // Node's internal module loader API, not in @types/node
  const M = Module as unknown as {
    _resolveFilename: (request: string, ...rest: unknown[]) => string;
    _cache: Record<string, unknown>;
  };
  const id = join(idDir, 'electron-stand-in.virtual.cjs');
  const mod = new Module(id);
  mod.filename = id;
  mod.loaded = true;
  mod.exports = stand.module;
  M._cache[id] = mod;
  const original = M._resolveFilename;
  M._resolveFilename = function (request: string, ...rest: unknown[]) {
    if (request === 'electron') return id;
    return original.call(this, request, ...rest);
  };
  return () => {
    M._resolveFilename = original;
    Reflect.deleteProperty(M._cache, id);
  };
}

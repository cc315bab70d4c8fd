import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../../helpers/stub-electron.ts')).electronModule());

import type { App, Session, WebContents } from 'electron';
import {
  denyAllPermissions,
  hardenApp,
  hardenWebContents,
  refuseDownloads,
} from '../../../electron/web-hardening.ts';
import {
  allowedExternalUrl,
  helpHostsOf,
  isRedirectorHost,
  linksOf,
} from '../../../electron/external-links.ts';
import { PROVIDER_HELP_LINKS } from '../../../electron/help-links.ts';
import { createExternalOpener, shellHandlers } from '../../../electron/handlers/shell.ts';
import {
  StubSession,
  StubWebContents,
  app,
  resetElectron,
  session as sessions,
  shell,
} from '../../helpers/stub-electron.ts';

/** Emits a navigation-like event and reports whether it was prevented. */
function emitPrevented(contents: StubWebContents, name: string, url: string): boolean {
  let prevented = false;
  const event = { url, preventDefault: () => (prevented = true) };
  contents.emit(name, event, url);
  return prevented;
}

const HOSTS = new Set(['support.example.com', 'myaccount.example.com']);

describe('navigation and new windows', () => {
  beforeEach(() => resetElectron());

  function hardened(): { contents: StubWebContents; opened: string[] } {
    const contents = new StubWebContents();
    const opened: string[] = [];
    hardenWebContents(contents as unknown as WebContents, {
      openExternal: (url) => {
        const allowed = allowedExternalUrl(url, HOSTS);
        if (allowed) opened.push(allowed);
        return allowed !== null;
      },
    });
    return { contents, opened };
  }

  it('will-navigate denies every URL outside the app origin', () => {
    const { contents } = hardened();
    for (const url of [
      'https://evil.example/',
      'http://mailsetup/index.html',
      'file:///etc/passwd',
      'app://other/index.html',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'https://support.example.com/help',
    ]) {
      expect(emitPrevented(contents, 'will-navigate', url), url).toBe(true);
    }
    expect(emitPrevented(contents, 'will-navigate', 'app://mailsetup/index.html')).toBe(false);
  });

  it('a link to an allow-listed help page opens the browser instead of navigating', () => {
    const { contents, opened } = hardened();
    expect(emitPrevented(contents, 'will-navigate', 'https://support.example.com/imap')).toBe(true);
    expect(emitPrevented(contents, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(opened).toEqual(['https://support.example.com/imap']);
  });

  it('will-frame-navigate and will-redirect deny leaving the app origin', () => {
    const { contents } = hardened();
    expect(emitPrevented(contents, 'will-frame-navigate', 'https://evil.example/')).toBe(true);
    expect(emitPrevented(contents, 'will-redirect', 'https://evil.example/')).toBe(true);
    expect(emitPrevented(contents, 'will-frame-navigate', 'app://mailsetup/x.html')).toBe(false);
  });

  it('setWindowOpenHandler denies every new window, opening only allow-listed https pages outside', () => {
    const { contents, opened } = hardened();
    const handler = contents.windowOpenHandler!;
    expect(handler).toBeTypeOf('function');
    for (const url of [
      'https://evil.example/',
      'app://mailsetup/index.html',
      'https://support.example.com/app-password',
      'about:blank',
    ]) {
      expect(handler({ url }), url).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://support.example.com/app-password']);
  });

  it('refuses to attach a <webview>', () => {
    const { contents } = hardened();
    expect(emitPrevented(contents, 'will-attach-webview', 'app://mailsetup/')).toBe(true);
  });

  it('hardenApp applies the same rules to every web contents created later', () => {
    hardenApp(app as unknown as App, { openExternal: () => false });
    const contents = new StubWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({
      action: 'deny',
    });
    expect(emitPrevented(contents, 'will-navigate', 'https://evil.example/')).toBe(true);
  });
});

describe('permissions', () => {
  it('denies every permission request and check', () => {
    const session = new StubSession();
    denyAllPermissions(session as unknown as Session);
    for (const permission of [
      'media',
      'notifications',
      'geolocation',
      'clipboard-read',
      'openExternal',
    ]) {
      const callback = vi.fn();
      session.permissionRequestHandler!({} as never, permission as never, callback as never);
      expect(callback).toHaveBeenCalledWith(false);
      expect(session.permissionCheckHandler!({} as never, permission as never)).toBe(false);
    }
    expect(session.devicePermissionHandler!({} as never)).toBe(false);
  });
});

describe('downloads', () => {
  beforeEach(() => resetElectron());

  /** Emits will-download as Electron does; reports whether it was prevented and cancelled. */
  function download(session: StubSession): { prevented: boolean; cancelled: boolean } {
    const outcome = { prevented: false, cancelled: false };
    const event = { preventDefault: () => (outcome.prevented = true) };
    const item = {
      cancel: () => (outcome.cancelled = true),
      getURL: () => 'https://evil.example/payload.exe',
    };
    session.emit('will-download', event, item, new StubWebContents());
    return outcome;
  }

  it('will-download refuses every download, in the default session and every later one', () => {
    const first = new StubSession();
    refuseDownloads(first as unknown as Session);
    refuseDownloads(first as unknown as Session);
    expect(download(first)).toEqual({ prevented: true, cancelled: true });
    expect(first.listenerCount('will-download')).toBe(1);

    hardenApp(app as unknown as App, { openExternal: () => false });
    const later = sessions.fromPartition('persist:later');
    expect(download(later)).toEqual({ prevented: true, cancelled: true });
    // Without a handler, Electron would start the download: the stub shows nothing stops it.
    expect(download(new StubSession())).toEqual({ prevented: false, cancelled: false });
  });
});

describe('external links', () => {
  beforeEach(() => resetElectron());

  it('builds the allow-list from the providers’ help, app-password, web-login and guide links', () => {
    const hosts = helpHostsOf(
      linksOf([
        {
          helpUrl: 'https://support.example.com/mail',
          appPasswordUrl: 'https://myaccount.example.com/apppasswords',
          auth: { webLoginUrl: 'https://login.example.com/' },
          guides: [{ url: 'https://kb.example.net/imap' }, {}],
        },
        { helpUrl: 'http://insecure.example.org/help' },
        { appPasswordUrl: 'not a url' },
      ]),
    );
    expect([...hosts].sort()).toEqual([
      'kb.example.net',
      'login.example.com',
      'myaccount.example.com',
      'support.example.com',
    ]);
  });

  it('allows only https URLs on an allow-listed host exactly', () => {
    expect(allowedExternalUrl('https://support.example.com/a?b=c#d', HOSTS)).toBe(
      'https://support.example.com/a?b=c#d',
    );
    expect(allowedExternalUrl('https://SUPPORT.example.com/a', HOSTS)).toBe(
      'https://support.example.com/a',
    );
    for (const url of [
      'http://support.example.com/a',
      'https://evil-support.example.com/',
      'https://support.example.com.evil.example/',
      'https://evil.example/?https://support.example.com/',
      'https://user:pass@support.example.com/',
      'https://support.example.com:8443/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://support.example.com/share',
      '',
      'x'.repeat(3000),
    ]) {
      expect(allowedExternalUrl(url, HOSTS), url).toBeNull();
    }
  });

  it('keeps URL shorteners and open redirectors off the allow-list, even when a provider names one', () => {
    const hosts = helpHostsOf(
      linksOf([
        { helpUrl: 'https://aka.ms/smtp_auth_disabled' },
        { guides: [{ url: 'https://go.microsoft.com/fwlink/?linkid=1' }] },
        { appPasswordUrl: 'https://bit.ly/x' },
        { helpUrl: 'https://support.example.com/mail' },
      ]),
    );
    expect([...hosts]).toEqual(['support.example.com']);
    const forced = new Set(['aka.ms', 'AKA.MS', 'tinyurl.com', 'support.example.com']);
    for (const url of ['https://aka.ms/x', 'https://AKA.MS./x', 'https://tinyurl.com/abc']) {
      expect(allowedExternalUrl(url, forced), url).toBeNull();
    }
    // The app's own list, built from the provider knowledge, holds none.
    const appHosts = [...helpHostsOf(PROVIDER_HELP_LINKS)];
    expect(appHosts.length).toBeGreaterThan(10);
    expect(appHosts.filter(isRedirectorHost)).toEqual([]);
    expect(PROVIDER_HELP_LINKS.filter((link) => isRedirectorHost(new URL(link).hostname))).toEqual(
      [],
    );
  });

  it('openHelp opens allow-listed URLs only and refuses the rest with a result', async () => {
    const { 'shell:open-help': openHelp } = shellHandlers(createExternalOpener(HOSTS));
    const context = {} as never;
    expect(await openHelp({ url: 'https://support.example.com/imap' }, context)).toEqual({
      ok: true,
      value: true,
    });
    expect(await openHelp({ url: 'https://evil.example/' }, context)).toEqual({
      ok: false,
      code: 'url-not-allowed',
    });
    expect(await openHelp({ url: 'http://support.example.com/' }, context)).toEqual({
      ok: false,
      code: 'url-not-allowed',
    });
    expect(shell.opened).toEqual(['https://support.example.com/imap']);
  });
});

import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/app-origin.ts';
import { resolveAppPath, serveAppRequest } from '../../../electron/app-protocol.ts';

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'app-protocol-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(root, 'assets', 'main.js'), 'console.log(1)');
  await writeFile(join(base, 'secret.txt'), 'outside the renderer folder');
  await symlink(join(base, 'secret.txt'), join(root, 'escape.txt'));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => serveAppRequest(root, new Request(url, { method }));

describe('app:// protocol', () => {
  it('maps app URLs to files inside the renderer folder', () => {
    expect(resolveAppPath(root, 'app://mailsetup/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://mailsetup/assets/main.js?v=1#x')).toBe(
      join(root, 'assets', 'main.js'),
    );
  });

  it('refuses path traversal, encoded separators, NUL bytes and other hosts', () => {
    // A leading `..` (also as `%2e%2e`) is removed by URL parsing itself and stays inside the root.
    expect(resolveAppPath(root, 'app://mailsetup/../secret.txt')).toBe(join(root, 'secret.txt'));
    expect(resolveAppPath(root, 'app://mailsetup/%2e%2e/secret.txt')).toBe(
      join(root, 'secret.txt'),
    );
    for (const url of [
      'app://mailsetup/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://mailsetup/..%5csecret.txt',
      'app://mailsetup/index.html%00.js',
      'app://mailsetup/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
      'https://mailsetup/index.html',
      'not a url',
    ]) {
      expect(resolveAppPath(root, url), url).toBeNull();
    }
  });

  it('serves index.html with the Content-Security-Policy header', async () => {
    const response = await get('app://mailsetup/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>app</title>');
    const script = await get('app://mailsetup/assets/main.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('the CSP allows only the bundle’s own scripts and no network access', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')] as const;
      }),
    );
    expect(directives.get('default-src')).toBe("'none'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('connect-src')).toBe("'none'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|\*|https?:/);
  });

  it('answers 404 for traversal, missing files, folders and symbolic links leading outside', async () => {
    for (const url of [
      'app://mailsetup/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://mailsetup/missing.js',
      'app://mailsetup/assets',
      'app://mailsetup/escape.txt',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('outside the renderer folder');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('allows only GET and HEAD', async () => {
    expect((await get('app://mailsetup/index.html', 'POST')).status).toBe(405);
    const head = await get('app://mailsetup/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

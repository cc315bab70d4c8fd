import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../renderer/src/store/index.ts';
import type { Exporter } from '../../../renderer/src/store/export-slice.ts';
import { canEnter } from '../../../renderer/src/store/steps.ts';
import {
  checkReport,
  createFakeApi,
  endpoint,
  flush,
  portStart,
  sourceDone,
  sourceStart,
  verifyReport,
} from './fake-api.ts';

const exporter: Exporter = (settings, format) => ({
  files: [
    { filename: `${format}.txt`, mediaType: 'text/plain', content: JSON.stringify(settings) },
  ],
  notes: [],
});

function setup() {
  const fake = createFakeApi();
  const store = createAppStore({ api: fake.api, exporter, language: 'en' });
  return { fake, store, s: () => store.getState() };
}

async function throughDiscovery(ctx: ReturnType<typeof setup>, report = checkReport()) {
  ctx.fake.answer('runCheck', { ok: true, value: report });
  ctx.s().setAddress('anna@example.test');
  expect(ctx.s().submitAddress()).toBe(true);
  await flush();
}

describe('wizard store: the step machine', () => {
  it('refuses to leave the address step with an invalid address and names the reason', () => {
    const { s, fake } = setup();
    s().setAddress('anna.example.test');
    expect(s().addressError).toBe('missing-at');
    expect(s().submitAddress()).toBe(false);
    expect(s().step).toBe('address');
    expect(s().addressTouched).toBe(true);
    expect(fake.callsOf('runCheck')).toHaveLength(0);
  });

  it('starts the check on entering discovery and allows review only when it has finished', async () => {
    const { s, fake } = setup();
    const finish = fake.defer('runCheck');
    s().setAddress('  anna@Example.TEST ');
    expect(s().submitAddress()).toBe(true);
    expect(s().step).toBe('discovery');
    const [request] = fake.callsOf('runCheck');
    expect(request).toMatchObject({ address: 'anna@example.test', helpdesk: false });
    expect(canEnter('review', s())).toBe(false);
    expect(s().next()).toBe(false);
    finish({ ok: true, value: checkReport() });
    await flush();
    expect(s().check.status).toBe('done');
    expect(s().next()).toBe(true);
    expect(s().step).toBe('review');
    expect(s().settings.incoming).toMatchObject({
      host: 'mail.example.test',
      port: 993,
      security: 'tls',
    });
  });

  it('builds live rows from progress events of its own operation only', async () => {
    const { s, fake } = setup();
    fake.defer('runCheck');
    s().setAddress('anna@example.test');
    s().submitAddress();
    const operationId = String(fake.callsOf('runCheck')[0]?.operationId);
    fake.emit({ operationId, event: sourceStart('autoconfig') });
    fake.emit({ operationId, event: portStart('mail.example.test', 993) });
    fake.emit({ operationId: 'someone-else', event: sourceStart('guess') });
    expect(s().check.sources.map((r) => [r.source, r.status])).toEqual([['autoconfig', 'running']]);
    expect(s().check.ports).toMatchObject([
      { host: 'mail.example.test', port: 993, status: 'running' },
    ]);
    fake.emit({
      operationId,
      event: sourceDone('autoconfig', 'found', 120),
    });
    expect(s().check.sources[0]).toMatchObject({ status: 'found', ms: 120 });
  });

  it('ignores the result of a check that was cancelled by going back', async () => {
    const { s, fake } = setup();
    const finish = fake.defer('runCheck');
    s().setAddress('anna@example.test');
    s().submitAddress();
    expect(s().back()).toBe(true);
    expect(fake.callsOf('cancelOperation')).toHaveLength(1);
    finish({ ok: true, value: checkReport() });
    await flush();
    expect(s().check.report).toBeNull();
    expect(s().settings.incoming).toBeNull();
  });

  it('turns an engine failure into an error state from which review (manual form) is possible', async () => {
    const { s, fake } = setup();
    fake.answer('runCheck', { ok: false, code: 'internal-error' });
    s().setAddress('anna@example.test');
    s().submitAddress();
    await flush();
    expect(s().check).toMatchObject({ status: 'error', errorCode: 'internal-error' });
    expect(s().next()).toBe(true);
    expect(s().settings.incoming).toMatchObject({ host: '', username: 'anna@example.test' });
    expect(canEnter('password', s())).toBe(false);
    s().updateEndpoint('incoming', { host: 'imap.example.test' });
    s().updateEndpoint('outgoing', { host: 'smtp.example.test' });
    expect(canEnter('password', s())).toBe(true);
  });
});

describe('wizard store: consent for insecure servers', () => {
  it('needs an explicit per-host consent before the password step when plaintext is recommended', async () => {
    const ctx = setup();
    const plain = endpoint('imap', 'mail.plain.test', 143, 'plain');
    const smtp = endpoint('smtp', 'mail.plain.test', 587, 'plain');
    await throughDiscovery(ctx, checkReport({ recommended: { incoming: plain, outgoing: smtp } }));
    ctx.s().next();
    expect(ctx.s().step).toBe('review');
    expect(ctx.s().next()).toBe(false);
    ctx.s().setConsent('mail.plain.test', true);
    expect(ctx.s().next()).toBe(true);
    expect(ctx.s().step).toBe('password');
  });

  it('needs consent for a certificate the probe could not validate, and only for that host', async () => {
    const ctx = setup();
    const report = checkReport({
      findings: [{ severity: 'error', code: 'cert-expired', host: 'mail.example.test', port: 993 }],
    });
    await throughDiscovery(ctx, report);
    ctx.s().next();
    expect(canEnter('password', ctx.s())).toBe(false);
    ctx.s().setConsent('other.test', true);
    expect(canEnter('password', ctx.s())).toBe(false);
    ctx.s().setConsent('mail.example.test', true);
    expect(canEnter('password', ctx.s())).toBe(true);
  });

  it('moves a standard port along when security changes by hand, but never a custom one', async () => {
    const ctx = setup();
    await throughDiscovery(ctx);
    ctx.s().updateEndpoint('incoming', { security: 'starttls' });
    expect(ctx.s().settings.incoming?.port).toBe(143);
    ctx.s().updateEndpoint('incoming', { port: 10143 });
    ctx.s().updateEndpoint('incoming', { security: 'tls' });
    expect(ctx.s().settings.incoming?.port).toBe(10143);
    expect(ctx.s().settings.origin).toBe('manual');
  });
});

describe('wizard store: login test and keychain', () => {
  async function toVerify(ctx: ReturnType<typeof setup>) {
    await throughDiscovery(ctx);
    ctx.s().next();
    ctx.s().next();
    expect(ctx.s().step).toBe('password');
    expect(ctx.s().next()).toBe(false); // no password yet
    ctx.s().setPassword('pa55word');
  }

  it('sends the chosen settings, the password and only consented hosts to verify', async () => {
    const ctx = setup();
    await toVerify(ctx);
    ctx.s().setConsent('unrelated.test', true);
    ctx.fake.answer('runVerify', { ok: true, value: verifyReport() });
    expect(ctx.s().next()).toBe(true);
    await flush();
    const [request] = ctx.fake.callsOf('runVerify');
    expect(request).toMatchObject({
      address: 'anna@example.test',
      password: 'pa55word',
      allowInsecure: [],
      incoming: { host: 'mail.example.test', port: 993 },
    });
    expect(ctx.s().verify.incoming.status).toBe('ok');
    expect(canEnter('export', ctx.s())).toBe(true);
  });

  it('keeps every value for a retry after a classified failure', async () => {
    const ctx = setup();
    await toVerify(ctx);
    ctx.fake.answer(
      'runVerify',
      {
        ok: true,
        value: verifyReport({
          incoming: {
            ok: false,
            reason: 'app-password-required',
            serverText: 'Application-specific password required',
            attempts: 1,
            ms: 20,
          },
        }),
      },
      { ok: true, value: verifyReport() },
    );
    ctx.s().next();
    await flush();
    expect(ctx.s().verify.incoming).toMatchObject({
      status: 'failed',
      result: { reason: 'app-password-required' },
    });
    ctx.s().setPassword('app-pass-1234');
    await ctx.s().startVerify();
    const [first, second] = ctx.fake.callsOf('runVerify');
    expect(second).toMatchObject({
      ...first,
      operationId: second?.operationId,
      password: 'app-pass-1234',
    });
    expect(ctx.s().verify.incoming.status).toBe('ok');
  });

  it('saves to the keychain only when asked and only after both logins worked', async () => {
    const ctx = setup();
    await toVerify(ctx);
    ctx.s().setRemember(true);
    expect(ctx.fake.callsOf('saveSecret')).toHaveLength(0);
    ctx.fake.answer('runVerify', { ok: true, value: verifyReport() });
    ctx.s().next();
    await flush();
    expect(ctx.fake.callsOf('saveSecret')).toEqual([
      { account: 'anna@example.test', password: 'pa55word' },
    ]);
    expect(ctx.s().keychain.status).toBe('saved');
  });

  it('fills in a password the keychain remembers, but never over a typed one', async () => {
    const ctx = setup();
    ctx.fake.answer('loadSecret', { ok: true, value: 'from-keychain' });
    await throughDiscovery(ctx);
    ctx.s().next();
    ctx.s().next();
    await flush();
    expect(ctx.fake.callsOf('loadSecret')).toEqual([{ account: 'anna@example.test' }]);
    expect(ctx.s()).toMatchObject({
      password: 'from-keychain',
      remember: true,
      fromKeychain: true,
    });
    ctx.s().setPassword('typed');
    ctx.s().back();
    ctx.s().next();
    await flush();
    expect(ctx.s().password).toBe('typed');
    expect(ctx.s().fromKeychain).toBe(false);
  });

  it('forgets the password when starting over', async () => {
    const ctx = setup();
    await toVerify(ctx);
    ctx.s().restart();
    expect(ctx.s().password).toBe('');
    expect(ctx.s().step).toBe('address');
    expect(JSON.stringify(ctx.s())).not.toContain('pa55word');
  });
});

describe('wizard store: export', () => {
  it('saves the files of the chosen format without the password and reports the paths', async () => {
    const ctx = setup();
    await throughDiscovery(ctx);
    ctx.s().setDisplayName('Anna Schmidt');
    ctx.s().setPassword('pa55word');
    ctx.s().setExportFormat('apple');
    await ctx.s().saveExport();
    const [request] = ctx.fake.callsOf('saveExport');
    const files = (request?.files ?? []) as Array<{ filename: string; content: string }>;
    expect(files.map((f) => f.filename)).toEqual(['apple.txt']);
    expect(files[0]?.content).toContain('Anna Schmidt');
    expect(files[0]?.content).not.toContain('pa55word');
    expect(ctx.s().exported).toMatchObject({ status: 'saved', paths: ['/home/anna/config.xml'] });
  });

  it('reports a cancelled save dialog as such', async () => {
    const ctx = setup();
    await throughDiscovery(ctx);
    ctx.fake.answer('saveExport', { ok: true, value: { cancelled: true } });
    await ctx.s().saveExport();
    expect(ctx.s().exported.status).toBe('cancelled');
  });
});

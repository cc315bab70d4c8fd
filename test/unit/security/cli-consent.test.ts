/**
 * Security review, item 4: the CLI's consent names what it accepts. An interceptor with its own
 * certificate is present during the check, so the probe saw the interceptor's certificate: the old
 * `--allow-insecure` pinned exactly that one and sent the password. Now `--allow-insecure` is
 * refused (exit 2, nothing sent), no consent sends nothing and names the `--accept-cert` to use,
 * a fingerprint from an earlier run (the real server's) refuses the interceptor, and only the
 * fingerprint the person accepted (option or terminal prompt, which shows the certificate) lets
 * the login go on. Scripted TLS servers on 127.0.0.1 record every byte.
 */
import { X509Certificate } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CheckContext } from '../../../electron/cli/commands/check.ts';
import { UsageError } from '../../../electron/cli/io.ts';
import { verifyCheckStep } from '../../../electron/cli/verify-step.ts';
import type { ProbeReport } from '../../../shared/model.ts';
import { checkContext, loopbackCandidate, recommending } from '../../helpers/check-context.ts';
import { captureIo } from '../../helpers/cli-io.ts';
import { fakeServer, type FakeServer } from '../verify/fake-server.ts';
import { makeTestCerts, type TestCerts } from '../helpers/test-certs.ts';

const PASSWORD = 'Intercept-S3cret';
let real: TestCerts;
let interceptor: TestCerts;
beforeAll(() => {
  real = makeTestCerts();
  interceptor = makeTestCerts();
});

const fakes: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((fake) => fake.close()));
});

/** IMAP (or SMTP) over implicit TLS, enough for a login; records what it received. */
async function tlsFake(smtp: boolean): Promise<FakeServer> {
  const reply = (line: string): string[] => {
    const [tag, verb = ''] = line.split(' ');
    const word = (smtp ? tag! : verb).toUpperCase();
    if (smtp) {
      if (word === 'EHLO') return ['250-fake', '250 AUTH PLAIN LOGIN'];
      return [word === 'AUTH' ? '235 ok' : '250 ok'];
    }
    if (word === 'LIST') return ['* LIST () "/" INBOX', `${tag} OK done`];
    if (word === 'CAPABILITY') return ['* CAPABILITY IMAP4rev1', `${tag} OK done`];
    return [`${tag} OK done`];
  };
  const greeting = smtp ? '220 fake ESMTP' : '* OK fake ready';
  const fake = await fakeServer(greeting, reply, { tls: interceptor.selfSigned });
  fakes.push(fake);
  return fake;
}

const sha = (pem: string): string => new X509Certificate(pem).fingerprint256;

function holdsPassword(bytes: string): boolean {
  const words = bytes.match(/[A-Za-z0-9+/]{4,}={0,2}/g) ?? [];
  return (
    bytes.includes(PASSWORD) ||
    words.some((word) => Buffer.from(word, 'base64').toString('latin1').includes(PASSWORD))
  );
}

/** The probe as the check saw it: the interceptor's certificate on both ports. */
function probes(ports: number[]): ProbeReport[] {
  const certificate = {
    subject: 'CN=mail.fake.test',
    issuer: 'CN=mail.fake.test',
    validFrom: '2020-01-01T00:00:00Z',
    validTo: '2040-01-01T00:00:00Z',
    altNames: [],
    sha256: sha(interceptor.selfSigned.cert),
    selfSigned: true,
  };
  return [
    {
      host: '127.0.0.1',
      addresses: ['127.0.0.1'],
      findings: [],
      ms: 1,
      ports: ports.map((port, i) => ({
        port,
        protocol: i === 0 ? 'imap' : 'smtp',
        security: 'tls',
        status: 'ok',
        tls: {
          version: 'TLSv1.3',
          cipher: null,
          trusted: false,
          hostnameMatch: false,
          error: 'DEPTH_ZERO_SELF_SIGNED_CERT',
          certificate,
        },
        capabilities: [],
        auth: [],
        ms: 1,
      })),
    },
  ];
}

function context(
  imap: FakeServer,
  smtp: FakeServer,
  extra: Record<string, unknown>,
  stdin?: PassThrough,
): CheckContext {
  const io = captureIo({ stdin: `${PASSWORD}\n` });
  if (stdin) io.stdin = stdin;
  const report = recommending(
    loopbackCandidate('imap', imap.port),
    loopbackCandidate('smtp', smtp.port),
    probes([imap.port, smtp.port]),
  );
  return checkContext(io, report, { 'password-stdin': true, timeout: '3000', ...extra });
}

describe('CLI consent names what it accepts', () => {
  it('refuses --allow-insecure with a message naming the new options, and sends nothing', async () => {
    const [imap, smtp] = [await tlsFake(false), await tlsFake(true)];
    const run = verifyCheckStep(context(imap, smtp, { 'allow-insecure': true }));
    await expect(run).rejects.toThrow(UsageError);
    await expect(run).rejects.toThrow(/--allow-plaintext HOST.*--accept-cert HOST#SHA256/);
    expect(holdsPassword(imap.received() + smtp.received())).toBe(false);
  });

  it('without consent sends no password to the interceptor and names the --accept-cert to use', async () => {
    const [imap, smtp] = [await tlsFake(false), await tlsFake(true)];
    const ctx = context(imap, smtp, {});
    await verifyCheckStep(ctx);
    expect(ctx.json.verification).toMatchObject({
      incoming: { ok: false, reason: 'cert-invalid' },
      outgoing: { ok: false, reason: 'cert-invalid' },
    });
    expect(ctx.text.join('')).toContain(
      `--accept-cert 127.0.0.1#${sha(interceptor.selfSigned.cert)}`,
    );
    expect(holdsPassword(imap.received() + smtp.received())).toBe(false);
  });

  it('refuses the interceptor when the accepted fingerprint is the real server’s', async () => {
    const [imap, smtp] = [await tlsFake(false), await tlsFake(true)];
    const pin = `127.0.0.1#${sha(real.selfSigned.cert)}`;
    const ctx = context(imap, smtp, { 'accept-cert': [pin] });
    await verifyCheckStep(ctx);
    expect(ctx.json.verification).toMatchObject({
      incoming: { ok: false, reason: 'cert-invalid' },
    });
    expect(holdsPassword(imap.received() + smtp.received())).toBe(false);
  });

  it('logs in when the person accepted exactly that certificate', async () => {
    const [imap, smtp] = [await tlsFake(false), await tlsFake(true)];
    const pin = `127.0.0.1#${sha(interceptor.selfSigned.cert).replace(/:/g, '').toLowerCase()}`;
    const ctx = context(imap, smtp, { 'accept-cert': [pin] });
    await verifyCheckStep(ctx);
    expect(ctx.json.verification).toMatchObject({ incoming: { ok: true }, outgoing: { ok: true } });
  });

  it('never lets --allow-plaintext relax a certificate', async () => {
    const [imap, smtp] = [await tlsFake(false), await tlsFake(true)];
    const ctx = context(imap, smtp, { 'allow-plaintext': ['127.0.0.1'] });
    await verifyCheckStep(ctx);
    expect(ctx.json.verification).toMatchObject({
      incoming: { ok: false, reason: 'cert-invalid' },
    });
    expect(holdsPassword(imap.received() + smtp.received())).toBe(false);
  });

  it('on a terminal shows the certificate and asks; yes pins exactly that one', async () => {
    const [imap, smtp] = [await tlsFake(false), await tlsFake(true)];
    const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => stdin });
    const ctx = context(imap, smtp, {}, stdin);
    const stderr = ctx.io.stderr as PassThrough;
    let asked = '';
    stderr.on('data', (chunk: Buffer) => {
      asked += chunk.toString();
      // One answer per question, then the password at the silent prompt.
      if (/\[y\/N\] $/.test(asked)) {
        asked += '\n';
        stdin.write('y\n');
      } else if (/Password for/.test(asked) && !asked.endsWith('<sent>')) {
        asked += '<sent>';
        stdin.write(`${PASSWORD}\n`);
      }
    });
    await verifyCheckStep(ctx);
    expect(asked).toContain(sha(interceptor.selfSigned.cert));
    expect(asked).toContain('CN=mail.fake.test');
    expect(ctx.json.verification).toMatchObject({ incoming: { ok: true }, outgoing: { ok: true } });
  });
});

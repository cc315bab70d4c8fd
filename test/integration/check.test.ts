/**
 * `check` (no password) against the lab: for every scenario of the discovery issue the right
 * endpoints are recommended with the right username and findings, through `checkAddress` and
 * through `mailsetup check --json`; `--offline` answers from built-in knowledge.
 */
import { describe, expect, inject, it } from 'vitest';
import { main } from '../../electron/cli/main.ts';
import type { CliIo } from '../../electron/cli/io.ts';
import {
  checkAddress,
  type CheckOptions,
  type CheckReport,
} from '../../electron/engine/choose/check.ts';
import { createResolver } from '../../electron/engine/net/resolver.ts';
import { parseAddress } from '../../shared/address.ts';
import { captureIo, labCliArgs } from '../helpers/cli-io.ts';
import type { Candidate } from '../../shared/model.ts';
import { LAB_HOSTS } from '../lab/topology.ts';

const lab = inject('lab');
const ISPDB = 'https://ispdb.unreachable.test/v1.1/';
const GOOD = LAB_HOSTS.good.name;

async function check(
  text: string,
  extra: Partial<CheckOptions> = {},
): Promise<{ report: CheckReport; events: string[] }> {
  const parsed = parseAddress(text);
  if (!parsed.ok) throw new Error(parsed.error);
  const events: string[] = [];
  const run = checkAddress(parsed.value, {
    resolver: createResolver({ server: lab.dns, timeoutMs: 5000 }),
    ca: [lab.caPem],
    ispdbUrl: ISPDB,
    timeoutMs: 5000,
    ...extra,
  });
  for (;;) {
    const step = await run.next();
    if (step.done) return { report: step.value, events };
    events.push('host' in step.value ? `probe:${step.value.type}` : step.value.type);
  }
}

const endpoint = (c: Candidate | null) =>
  c ? `${c.protocol} ${c.host}:${c.port} ${c.security} ${c.source}` : null;
const codes = (report: CheckReport, severity: string) =>
  report.findings.filter((f) => f.severity === severity).map((f) => f.code);

describe('checkAddress against the lab', () => {
  it('good.test: implicit TLS from trusted autoconfig, no findings, each host probed once', async () => {
    const { report, events } = await check('alice@good.test');
    expect(endpoint(report.recommended.incoming)).toBe(`imap ${GOOD}:993 tls autoconfig`);
    expect(endpoint(report.recommended.outgoing)).toBe(`smtp ${GOOD}:465 tls autoconfig`);
    expect(report.recommended.username).toBe('alice@good.test');
    expect(report.findings).toEqual([]);
    expect(report.probes.map((p) => p.host)).toEqual([GOOD]);
    expect(events.filter((e) => e === 'probe:done')).toHaveLength(1);
    expect(events.at(-1)).toBe('check-done');
  });

  it('srvonly.test: recommends the SRV servers and warns that they lie outside the domain', async () => {
    const { report } = await check('x@srvonly.test');
    expect(endpoint(report.recommended.incoming)).toBe(`imap ${GOOD}:993 tls srv`);
    expect(endpoint(report.recommended.outgoing)).toBe(`smtp ${GOOD}:465 tls srv`);
    expect(codes(report, 'error')).toEqual([]);
    expect(codes(report, 'warning')).toEqual(['untrusted-source', 'untrusted-source']);
  });

  it('autoconfig.test: ranks implicit TLS above the STARTTLS entry listed first; local-part username', async () => {
    const { report } = await check('bob@autoconfig.test');
    expect(endpoint(report.recommended.incoming)).toBe(`imap ${GOOD}:993 tls autoconfig`);
    expect(endpoint(report.recommended.outgoing)).toBe(`smtp ${GOOD}:587 starttls autoconfig`);
    expect(report.recommended.username).toBe('bob');
    expect(report.findings).toEqual([]);
  });

  it('mxonly.test: the known provider behind the MX, trusted, no confirmation asked', async () => {
    const { report } = await check('x@mxonly.test');
    expect(report.provider).toBe('mailbox-org');
    expect(endpoint(report.recommended.incoming)).toBe('imap imap.mailbox.org:993 tls mx');
    expect(endpoint(report.recommended.outgoing)).toBe('smtp smtp.mailbox.org:465 tls mx');
    expect(codes(report, 'info')).toContain('hosted-by');
    expect(codes(report, 'warning')).not.toContain('untrusted-source');
    expect(codes(report, 'error')).toEqual([]);
  });

  it('httponly.test: settings from http are recommended only with an untrusted-source warning', async () => {
    const { report } = await check('x@httponly.test');
    expect(endpoint(report.recommended.incoming)).toBe(`imap ${GOOD}:993 tls autoconfig-http`);
    expect(report.recommended.incoming?.trusted).toBe(false);
    expect(report.findings.find((f) => f.code === 'untrusted-source')).toMatchObject({
      severity: 'warning',
      host: GOOD,
    });
  });

  it('guessonly.test: only guessing finds it; guess probes are reused, not repeated', async () => {
    const { report } = await check('x@guessonly.test');
    expect(endpoint(report.recommended.incoming)).toBe('imap imap.guessonly.test:993 tls guess');
    expect(endpoint(report.recommended.outgoing)).toBe('smtp smtp.guessonly.test:465 tls guess');
    expect(report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const hosts = report.probes.map((p) => p.host);
    expect(new Set(hosts).size).toBe(hosts.length);
  });

  it('autodiscover.test: Autodiscover settings', async () => {
    const { report } = await check('x@autodiscover.test');
    expect(endpoint(report.recommended.incoming)).toBe(`imap ${GOOD}:993 tls autodiscover`);
    expect(endpoint(report.recommended.outgoing)).toBe(`smtp ${GOOD}:587 starttls autodiscover`);
  });

  it('hostile.test: hostile documents are named errors; only the untrusted redirect remains', async () => {
    const { report } = await check('x@hostile.test');
    const errors = report.sources.filter((s) => s.outcome === 'error').map((s) => s.error);
    expect(errors).toEqual(
      expect.arrayContaining(['too-large', 'xml-doctype', 'too-many-redirects']),
    );
    expect(report.recommended.incoming).toMatchObject({ host: GOOD, port: 993, trusted: false });
    expect(codes(report, 'warning')).toContain('untrusted-source');
  });

  it('plain.test: a plaintext-only server is never recommended silently', async () => {
    const { report } = await check('dave@plain.test');
    expect(endpoint(report.recommended.incoming)).toBe(
      `imap ${LAB_HOSTS.plain.name}:143 plain guess`,
    );
    const plaintext = report.findings.filter((f) => f.code === 'recommended-plaintext');
    expect(plaintext.map((f) => [f.severity, f.port])).toEqual([
      ['error', 143],
      ['error', report.recommended.outgoing?.port],
    ]);
  });
});

function capture(): { io: CliIo; out: () => string; err: () => string } {
  const io = captureIo();
  return { io, out: io.out, err: io.err };
}

const labArgs = () => [...labCliArgs(lab), '--ispdb', ISPDB];

describe('mailsetup check / discover (CLI)', () => {
  it.each([
    ['x@srvonly.test', `${GOOD}:993`, 'srv', 'x@srvonly.test', 0],
    ['bob@autoconfig.test', `${GOOD}:993`, 'autoconfig', 'bob', 0],
    ['x@mxonly.test', 'imap.mailbox.org:993', 'mx', 'x@mxonly.test', 0],
    ['x@httponly.test', `${GOOD}:993`, 'autoconfig-http', 'x@httponly.test', 0],
    ['x@guessonly.test', 'imap.guessonly.test:993', 'guess', 'x@guessonly.test', 0],
    ['x@hostile.test', `${GOOD}:993`, 'autoconfig-http', 'x@hostile.test', 0],
    ['dave@plain.test', `${LAB_HOSTS.plain.name}:143`, 'guess', 'dave@plain.test', 1],
  ])(
    'check %s --json recommends %s from %s for %s (exit %i)',
    async (addr, server, source, username, exit) => {
      const { io, out } = capture();
      const code = await main(['check', addr, ...labArgs(), '--json'], io);
      const json = JSON.parse(out()) as {
        recommended: {
          incoming: { host: string; port: number; source: string; trusted: boolean };
          username: string;
        };
        sources: Array<{ source: string; outcome: string; error?: string }>;
        findings: Array<{ code: string; message: string }>;
        probes: unknown[];
      };
      expect(`${json.recommended.incoming.host}:${json.recommended.incoming.port}`).toBe(server);
      expect(json.recommended.incoming.source).toBe(source);
      expect(json.recommended.username).toBe(username);
      expect(json.probes.length).toBeGreaterThan(0);
      for (const finding of json.findings)
        expect(finding.message).not.toBe(`findings:${finding.code}`);
      expect(code).toBe(exit);
    },
  );

  it('discover --json lists every source with its outcome and the candidates', async () => {
    const { io, out } = capture();
    const code = await main(['discover', 'x@hostile.test', ...labArgs(), '--json'], io);
    const json = JSON.parse(out()) as {
      address: string;
      domain: string;
      sources: Array<{
        source: string;
        url: string;
        outcome: string;
        error?: string;
        trusted: boolean;
        ms: number;
      }>;
      incoming: unknown[];
    };
    expect(code).toBe(0);
    expect(json).toMatchObject({ address: 'x@hostile.test', domain: 'hostile.test' });
    expect(json.sources.find((s) => s.error === 'xml-doctype')).toMatchObject({
      source: 'autoconfig',
      outcome: 'error',
    });
    expect(json.sources.every((s) => typeof s.ms === 'number' && s.url.length > 0)).toBe(true);
    expect(json.incoming.length).toBeGreaterThan(0);
  });

  it('prints progress, the recommendation and sentences in table mode (German too)', async () => {
    const { io, out } = capture();
    io.env = { LANG: 'de_DE.UTF-8' };
    const code = await main(['check', 'x@srvonly.test', ...labArgs()], io);
    expect(code).toBe(0);
    const text = out();
    expect(text).toContain('Servereinstellungen für x@srvonly.test');
    expect(text).toContain('srv');
    expect(text).toContain(`Eingehend: IMAP ${GOOD}, Port 993`);
    expect(text).toContain('Benutzername: x@srvonly.test');
  });

  it('answers --offline from built-in knowledge, without probing', async () => {
    const { io, out } = capture();
    const code = await main(['check', 'someone@mailbox.org', '--offline', '--json'], io);
    const json = JSON.parse(out()) as {
      provider: string;
      probes: unknown[];
      sources: unknown[];
      recommended: { incoming: { host: string; source: string } };
    };
    expect(json.provider).toBe('mailbox-org');
    expect(json.sources).toHaveLength(1);
    expect(json.probes).toEqual([]);
    expect(json.recommended.incoming).toMatchObject({
      host: 'imap.mailbox.org',
      source: 'provider',
    });
    expect(code).toBe(0);
  });

  it('rejects a bad address with exit 2 and the one-line reason', async () => {
    const { io, err } = capture();
    expect(await main(['check', 'https://mail.example.com', ...labArgs()], io)).toBe(2);
    expect(err().trim()).toBe(
      'mailsetup check: This looks like a web address. Please enter your email address, like name@example.com.',
    );
  });
});

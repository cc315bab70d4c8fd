/**
 * The probe against servers that misbehave on purpose. Every case must end in a named result
 * within about the step timeout, without an unhandled rejection, without buffering what the server
 * pushes, and with every connection closed when the probe returns.
 */
import { describe, expect, it } from 'vitest';
import { probe } from '../../../electron/engine/probe/index.ts';
import type { PortResult, Protocol, Security } from '../../../shared/model.ts';
import { HOSTILE_HOST } from '../../hostile/certs.ts';
import { measureHeap, timed } from '../../hostile/guards.ts';
import { loopbackResolver, useHostileHarness } from '../../hostile/harness.ts';
import {
  closeMidGreeting,
  continuationFlood,
  drip,
  endlessLine,
  flood,
  resetOnFirstBytes,
  silent,
  type HostileOptions,
  type HostileServer,
} from '../../hostile/servers.ts';

const TIMEOUT = 1500;
/** The connection's own cap on one line (DEFAULT_MAX_LINE_LENGTH). */
const LINE_CAP = 16 * 1024;

const { serve, certs } = useHostileHarness();
const loopback = loopbackResolver;

interface Outcome {
  port: PortResult;
  findings: string[];
  ms: number;
  heapGrowth: number;
}

/** Probes one port of the server; checks time and leaks on the way. */
async function probeOne(
  server: HostileServer,
  protocol: Protocol,
  security: Security,
): Promise<Outcome> {
  const { value, growth } = await measureHeap(() =>
    timed(() =>
      probe(HOSTILE_HOST, {
        ports: [{ port: server.port, protocol, security }],
        resolver: loopback,
        ca: [certs().caPem],
        timeoutMs: TIMEOUT,
      }),
    ),
  );
  const port = value.value.ports[0];
  expect(port).toBeDefined();
  expect(value.ms).toBeLessThan(2 * TIMEOUT + 1000);
  expect(await server.settle()).toBe(0);
  return {
    port: port!,
    findings: value.value.findings.map((finding) => finding.code),
    ms: value.ms,
    heapGrowth: growth,
  };
}

const tlsWith = (pair: { key: string; cert: string }, extra: HostileOptions['tls'] = {}) => ({
  tls: { key: pair.key, cert: pair.cert, ...extra },
});

describe('probe: servers that stall or break off', () => {
  it('a server that accepts and never speaks: greeting timeout', async () => {
    const server = await serve(silent);
    const { port } = await probeOne(server, 'imap', 'starttls');
    expect(port.status).toBe('timeout');
    expect(port.error).toBe('greeting-timeout');
  });

  it('one byte per second: timeout, not a wait for the whole line', async () => {
    const server = await serve(drip('* OK IMAP4rev1 ready\r\n', 1000));
    const { port } = await probeOne(server, 'imap', 'starttls');
    expect(port.status).toBe('timeout');
    expect(server.bytesSent).toBeGreaterThan(0);
  });

  it('closes mid-greeting: closed', async () => {
    const server = await serve(closeMidGreeting('* OK IMAP4rev1 Ser'));
    const { port } = await probeOne(server, 'imap', 'starttls');
    expect(port.status).toBe('closed');
  });

  it('resets the connection in the middle of the TLS handshake: a TLS or connection error', async () => {
    const server = await serve(resetOnFirstBytes);
    const { port } = await probeOne(server, 'imap', 'tls');
    expect(['tls-error', 'closed']).toContain(port.status);
    expect(port.error).toBeTruthy();
  });

  it('resets the connection during the STARTTLS handshake: a named TLS failure', async () => {
    const server = await serve((connection) => {
      connection.send('220 smtp ready\r\n');
      connection.onLine((line) => {
        if (/^EHLO/i.test(line)) connection.send('250-x\r\n250-STARTTLS\r\n250 AUTH PLAIN\r\n');
        if (/^STARTTLS/i.test(line)) {
          connection.send('220 go ahead\r\n');
          connection.socket.once('data', () => connection.socket.resetAndDestroy());
        }
      });
    });
    const { port } = await probeOne(server, 'smtp', 'starttls');
    expect(port.status).toBe('tls-error');
    expect(port.tls).toBeNull();
  });

  it('a TLS handshake followed by silence: greeting timeout with the certificate facts', async () => {
    const server = await serve(silent, tlsWith(certs().good));
    const { port } = await probeOne(server, 'imap', 'tls');
    expect(port.status).toBe('timeout');
    expect(port.error).toBe('greeting-timeout');
    expect(port.tls?.trusted).toBe(true);
  });
});

describe('probe: servers that talk too much or talk garbage', () => {
  it('an endless line without CR LF: line-too-long, far less buffered than sent', async () => {
    const server = await serve(endlessLine('* OK '));
    const { port, heapGrowth } = await probeOne(server, 'imap', 'starttls');
    expect(port.status).toBe('protocol-error');
    expect(port.error).toBe('line-too-long');
    expect(server.bytesSent).toBeGreaterThan(LINE_CAP);
    expect(heapGrowth).toBeLessThan(4 * 1024 * 1024);
  });

  it('a flood of SMTP continuation lines in the greeting: too-much-data', async () => {
    const server = await serve(continuationFlood('', '220-still greeting you\r\n'));
    const { port, heapGrowth } = await probeOne(server, 'smtp', 'starttls');
    expect(port.status).toBe('protocol-error');
    expect(port.error).toBe('too-much-data');
    expect(heapGrowth).toBeLessThan(4 * 1024 * 1024);
  });

  it('a flood of untagged IMAP lines after CAPABILITY: too-much-data', async () => {
    const server = await serve((connection) => {
      connection.send('* OK IMAP4rev1 ready\r\n');
      connection.onLine((line) => {
        if (/ CAPABILITY$/i.test(line)) flood(connection, '* CAPABILITY IMAP4rev1\r\n'.repeat(256));
      });
    });
    const { port } = await probeOne(server, 'imap', 'starttls');
    expect(port.status).toBe('protocol-error');
    expect(port.error).toBe('too-much-data');
  });

  it('an endless POP3 CAPA list: too-much-data', async () => {
    const server = await serve((connection) => {
      connection.send('+OK POP3 ready\r\n');
      connection.onLine((line) => {
        if (line === 'CAPA') flood(connection, '+OK\r\n' + 'X-NOISE\r\n'.repeat(1024));
      });
    });
    const { port } = await probeOne(server, 'pop3', 'starttls');
    expect(port.status).toBe('protocol-error');
    expect(port.error).toBe('too-much-data');
  });

  it('a 1 MB CAPABILITY line: line-too-long after reading at most the line cap', async () => {
    const server = await serve((connection) => {
      connection.send('* OK IMAP4rev1 ready\r\n');
      connection.onLine((line) => {
        const tag = line.split(' ')[0];
        if (/ CAPABILITY$/i.test(line)) {
          connection.send(`* CAPABILITY IMAP4rev1 ${'X-JUNK '.repeat(150_000)}\r\n${tag} OK\r\n`);
        }
      });
    });
    const { port, heapGrowth } = await probeOne(server, 'imap', 'starttls');
    expect(port.status).toBe('protocol-error');
    expect(port.error).toBe('line-too-long');
    expect(port.capabilities).toEqual([]);
    expect(heapGrowth).toBeLessThan(4 * 1024 * 1024);
  });

  it('invalid UTF-8 in the greeting and capabilities: read as text, no crash', async () => {
    const server = await serve((connection) => {
      connection.send(Buffer.from('* OK \xff\xfe\xc3( caf\xe9 ready\r\n', 'latin1'));
      connection.onLine((line) => {
        const tag = line.split(' ')[0];
        if (/ CAPABILITY$/i.test(line)) {
          connection.send(
            Buffer.from(`* CAPABILITY IMAP4rev1 X-\xff\xc0\xaf\r\n${tag} OK\r\n`, 'latin1'),
          );
        }
      });
    });
    const { port } = await probeOne(server, 'imap', 'starttls');
    expect(port.status).toBe('ok');
    expect(port.greeting).toContain('ready');
    expect(port.capabilities).toContain('IMAP4REV1');
    expect(() => JSON.stringify(port)).not.toThrow();
  });
});

describe('probe: STARTTLS injection', () => {
  const injected: Record<
    Protocol,
    { greeting: string; starttls: RegExp; go: (line: string) => string; extra: string }
  > = {
    imap: {
      greeting: '* OK IMAP4rev1 ready\r\n',
      starttls: / STARTTLS$/i,
      go: (line) => `${line.split(' ')[0]} OK begin TLS\r\n`,
      extra: '* CAPABILITY IMAP4rev1 AUTH=PLAIN X-INJECTED\r\n',
    },
    pop3: {
      greeting: '+OK POP3 ready\r\n',
      starttls: /^STLS$/i,
      go: () => '+OK begin TLS\r\n',
      extra: '+OK\r\nUSER\r\nX-INJECTED\r\n.\r\n',
    },
    smtp: {
      greeting: '220 smtp ready\r\n',
      starttls: /^STARTTLS$/i,
      go: () => '220 go ahead\r\n',
      extra: '250-injected\r\n250 AUTH PLAIN X-INJECTED\r\n',
    },
  };

  for (const protocol of ['imap', 'pop3', 'smtp'] as const) {
    it(`${protocol}: plaintext sent right after the go-ahead is refused, never read as capabilities`, async () => {
      const script = injected[protocol];
      const server = await serve((connection) => {
        connection.send(script.greeting);
        connection.onLine((line) => {
          const tag = line.split(' ')[0];
          if (script.starttls.test(line)) {
            connection.send(script.go(line) + script.extra);
            connection.upgrade();
          } else if (/ CAPABILITY$/i.test(line)) {
            connection.send(`* CAPABILITY IMAP4rev1 STARTTLS AUTH=PLAIN\r\n${tag} OK\r\n`);
          } else if (line === 'CAPA') {
            connection.send('+OK\r\nUSER\r\nSTLS\r\n.\r\n');
          } else if (/^EHLO /i.test(line)) {
            connection.send('250-smtp\r\n250-STARTTLS\r\n250 AUTH PLAIN\r\n');
          }
        });
      });
      const { port } = await probeOne(server, protocol, 'starttls');
      expect(port.status).toBe('tls-error');
      expect(port.error).toBe('starttls-injection');
      expect(port.capabilities.join(' ')).not.toContain('X-INJECTED');
    });
  }
});

describe('probe: servers that lie', () => {
  it('smtp: "250" to everything, STARTTLS included, is not an upgrade', async () => {
    const server = await serve((connection) => {
      connection.send('220 liar ESMTP\r\n');
      connection.onLine((line) =>
        connection.send(
          /^EHLO/i.test(line) ? '250-liar\r\n250-STARTTLS\r\n250 AUTH PLAIN\r\n' : '250 OK\r\n',
        ),
      );
    });
    const { port } = await probeOne(server, 'smtp', 'starttls');
    expect(port.status).toBe('tls-error');
    expect(port.security).toBe('plain');
    expect(port.tls).toBeNull();
  });

  it('imap: "OK" to everything, STARTTLS included, then no handshake: a named failure', async () => {
    const server = await serve((connection) => {
      connection.send('* OK IMAP4rev1 ready\r\n');
      connection.onLine((line) => {
        const tag = line.split(' ')[0];
        connection.send(
          / CAPABILITY$/i.test(line)
            ? `* CAPABILITY IMAP4rev1 STARTTLS AUTH=PLAIN\r\n${tag} OK\r\n`
            : `${tag} OK\r\n`,
        );
      });
    });
    const { port } = await probeOne(server, 'imap', 'starttls');
    expect(['tls-error', 'timeout']).toContain(port.status);
    expect(port.security).toBe('plain');
  });
});

describe('probe: bad TLS', () => {
  it('a certificate for another name: hostname mismatch', async () => {
    const server = await serve(
      (connection) => connection.send('* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n'),
      tlsWith(certs().otherName),
    );
    const { port, findings } = await probeOne(server, 'imap', 'tls');
    expect(port.tls?.hostnameMatch).toBe(false);
    expect(findings).toContain('cert-hostname-mismatch');
  });

  it('a chain with an expired intermediate: not trusted', async () => {
    const server = await serve(
      (connection) => connection.send('* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n'),
      tlsWith(certs().expiredIntermediate),
    );
    const { port, findings } = await probeOne(server, 'imap', 'tls');
    expect(port.tls?.trusted).toBe(false);
    expect(port.tls?.error).toBe('CERT_HAS_EXPIRED');
    expect(findings.some((code) => code.startsWith('cert-'))).toBe(true);
  });

  it('TLS 1.0 only: still described, and flagged as outdated', async () => {
    const server = await serve(
      (connection) => connection.send('* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n'),
      tlsWith(certs().good, {
        minVersion: 'TLSv1',
        maxVersion: 'TLSv1',
        ciphers: 'DEFAULT:@SECLEVEL=0',
      }),
    );
    const { port, findings } = await probeOne(server, 'imap', 'tls');
    expect(port.tls?.version).toBe('TLSv1');
    expect(findings).toContain('tls-outdated');
  });
});

/**
 * Proves the lab is what topology.ts says it is, with plain Node sockets (no engine code), so a
 * failing engine test can be told apart from a broken lab.
 */
import { Resolver } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { describe, expect, inject, it } from 'vitest';
import { APP_PASSWORD_REASON, LAB_DNS, LAB_HOSTS, LAB_USERS, LAB_WEB } from '../lab/topology.ts';
import { LineSession } from '../lab/line-session.ts';
import { HUGE_BODY_BYTES } from '../lab/web-routes.ts';

const lab = inject('lab');

function tlsConnect(host: string, port: number, servername: string): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host, port, servername, ca: lab.caPem }, () => resolve(socket));
    socket.once('error', reject);
    socket.setTimeout(5_000, () => socket.destroy(new Error('TLS connect timed out')));
  });
}

function tlsFailure(host: string, port: number, servername: string): Promise<string> {
  return tlsConnect(host, port, servername).then(
    (socket) => {
      socket.destroy();
      return 'connected';
    },
    (error: NodeJS.ErrnoException) => error.code ?? error.message,
  );
}

describe('lab certificates', () => {
  it('good:993 presents a certificate the lab CA vouches for, with the right name', async () => {
    const socket = await tlsConnect(LAB_HOSTS.good.address, 993, LAB_HOSTS.good.name);
    expect(socket.authorized).toBe(true);
    expect(socket.getPeerCertificate().subject.CN).toBe(LAB_HOSTS.good.name);
    socket.destroy();
  });

  it('expired:993 fails verification as expired', async () => {
    expect(await tlsFailure(LAB_HOSTS.expired.address, 993, LAB_HOSTS.expired.name)).toBe(
      'CERT_HAS_EXPIRED',
    );
  });

  it('wrongName:993 fails the host name check', async () => {
    expect(await tlsFailure(LAB_HOSTS.wrongName.address, 993, LAB_HOSTS.wrongName.name)).toBe(
      'ERR_TLS_CERT_ALTNAME_INVALID',
    );
  });

  it('selfSigned:993 is not trusted', async () => {
    expect(await tlsFailure(LAB_HOSTS.selfSigned.address, 993, LAB_HOSTS.selfSigned.name)).toBe(
      'DEPTH_ZERO_SELF_SIGNED_CERT',
    );
  });
});

describe('lab DNS', () => {
  const resolver = new Resolver({ timeout: 2_000, tries: 1 });
  resolver.setServers([`${LAB_DNS.host}:${LAB_DNS.port}`]);

  it('answers MX and A for good.test', async () => {
    expect(await resolver.resolveMx('good.test')).toEqual([
      { exchange: LAB_HOSTS.good.name, priority: 10 },
    ]);
    expect(await resolver.resolve4(LAB_HOSTS.good.name)).toEqual([LAB_HOSTS.good.address]);
  });

  it('answers SRV for srvonly.test', async () => {
    expect(await resolver.resolveSrv('_imaps._tcp.srvonly.test')).toEqual([
      { name: LAB_HOSTS.good.name, port: 993, priority: 0, weight: 1 },
    ]);
    // Target "." (Node reports it as the empty name): the service is not offered.
    expect(await resolver.resolveSrv('_pop3._tcp.srvonly.test')).toEqual([
      { name: '', port: 0, priority: 0, weight: 0 },
    ]);
  });

  it('maps the web names to the web server and knows nothing else', async () => {
    expect(await resolver.resolve4('autoconfig.good.test')).toEqual([LAB_WEB.address]);
    await expect(resolver.resolve4('unknown.good.test')).rejects.toMatchObject({
      code: 'ENOTFOUND',
    });
  });
});

describe('lab hosts without a server', () => {
  it('silent host accepts and sends nothing within 1 s', async () => {
    const socket = net.connect({ host: LAB_HOSTS.silent.address, port: 993 });
    const received: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(socket.destroyed).toBe(false);
    expect(Buffer.concat(received).length).toBe(0);
    socket.destroy();
  });

  it('closed host refuses', async () => {
    const code = await new Promise<string | undefined>((resolve) => {
      const socket = net.connect({ host: LAB_HOSTS.closed.address, port: 993 });
      socket.once('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code));
    });
    expect(code).toBe('ECONNREFUSED');
  });
});

describe('lab IMAP (Dovecot)', () => {
  async function imapLogin(username: string, password: string): Promise<string> {
    const socket = await tlsConnect(LAB_HOSTS.good.address, 993, LAB_HOSTS.good.name);
    const session = new LineSession(socket);
    try {
      expect(await session.readLine()).toMatch(/^\* OK /);
      return await session.command(`a1 LOGIN "${username}" "${password}"`, /^a1 /);
    } finally {
      socket.destroy();
    }
  }

  it('lets alice log in', async () => {
    expect(await imapLogin(LAB_USERS.alice.username, LAB_USERS.alice.password)).toMatch(/^a1 OK /);
  });

  it('lets bob log in with the local part only, not the full address', async () => {
    expect(await imapLogin(LAB_USERS.bob.username, LAB_USERS.bob.password)).toMatch(/^a1 OK /);
    expect(await imapLogin(LAB_USERS.bob.address, LAB_USERS.bob.password)).toMatch(/^a1 NO /);
  });

  it("refuses carol with the app-password text in the server's words", async () => {
    const reply = await imapLogin(LAB_USERS.carol.username, LAB_USERS.carol.password);
    expect(reply).toMatch(/^a1 NO /);
    expect(reply).toContain(APP_PASSWORD_REASON);
  });

  it('offers no STARTTLS on the plain host and accepts LOGIN there', async () => {
    const socket = net.connect({ host: LAB_HOSTS.plain.address, port: 143 });
    const session = new LineSession(socket);
    try {
      const greeting = await session.readLine();
      expect(greeting).toMatch(/^\* OK /);
      expect(greeting).not.toContain('STARTTLS');
      const reply = await session.command(
        `a1 LOGIN "${LAB_USERS.dave.username}" "${LAB_USERS.dave.password}"`,
        /^a1 /,
      );
      expect(reply).toMatch(/^a1 OK /);
    } finally {
      socket.destroy();
    }
  });
});

describe('lab POP3 (Dovecot)', () => {
  it('refuses carol over 995 with the app-password text after PASS', async () => {
    const socket = await tlsConnect(LAB_HOSTS.good.address, 995, LAB_HOSTS.good.name);
    const session = new LineSession(socket);
    try {
      expect(await session.readLine()).toMatch(/^\+OK /);
      expect(await session.command(`USER ${LAB_USERS.carol.username}`, /^[+-]/)).toMatch(/^\+OK/);
      const reply = await session.command(`PASS ${LAB_USERS.carol.password}`, /^[+-]/);
      expect(reply).toMatch(/^-ERR /);
      expect(reply).toContain(APP_PASSWORD_REASON);
    } finally {
      socket.destroy();
    }
  });
});

describe('lab SMTP (Postfix)', () => {
  it('587 offers STARTTLS, and AUTH only after it', async () => {
    const plain = net.connect({ host: LAB_HOSTS.good.address, port: 587 });
    const session = new LineSession(plain);
    expect(await session.readLine()).toMatch(/^220 /);
    const before = await session.command('EHLO lab.test', /^250 /);
    expect(session.transcript()).toContain('STARTTLS');
    expect(session.transcript()).not.toMatch(/^250-AUTH/m);
    expect(before).toMatch(/^250 /);
    expect(await session.command('STARTTLS', /^\d{3} /)).toMatch(/^220 /);
    const secure = tls.connect({ socket: plain, servername: LAB_HOSTS.good.name, ca: lab.caPem });
    await new Promise<void>((resolve, reject) => {
      secure.once('secureConnect', resolve);
      secure.once('error', reject);
    });
    expect(secure.authorized).toBe(true);
    const after = new LineSession(secure);
    await after.command('EHLO lab.test', /^250 /);
    expect(after.transcript()).toMatch(/^250-AUTH PLAIN LOGIN/m);
    const token = Buffer.from(
      `\0${LAB_USERS.alice.username}\0${LAB_USERS.alice.password}`,
    ).toString('base64');
    expect(await after.command(`AUTH PLAIN ${token}`, /^\d{3} /)).toMatch(/^235 /);
    // Alice may send only as herself.
    expect(await after.command('MAIL FROM:<other@good.test>', /^\d{3} /)).toMatch(
      /^553 5\.7\.1 .*not owned by user/,
    );
    expect(await after.command(`MAIL FROM:<${LAB_USERS.alice.address}>`, /^\d{3} /)).toMatch(
      /^250 /,
    );
    secure.destroy();
  });

  it('465 speaks TLS at once; alice authenticates there, carol is refused', async () => {
    const socket = await tlsConnect(LAB_HOSTS.good.address, 465, LAB_HOSTS.good.name);
    const session = new LineSession(socket);
    try {
      expect(await session.readLine()).toMatch(/^220 /);
      await session.command('EHLO lab.test', /^250 /);
      const auth = (user: { username: string; password: string }): Promise<string> =>
        session.command(
          `AUTH PLAIN ${Buffer.from(`\0${user.username}\0${user.password}`).toString('base64')}`,
          /^\d{3} /,
        );
      expect(await auth(LAB_USERS.carol)).toMatch(/^535 /);
      expect(await auth(LAB_USERS.alice)).toMatch(/^235 /);
    } finally {
      socket.destroy();
    }
  });

  it('the plain host offers AUTH without TLS', async () => {
    const socket = net.connect({ host: LAB_HOSTS.plain.address, port: 587 });
    const session = new LineSession(socket);
    try {
      expect(await session.readLine()).toMatch(new RegExp(`^220 ${LAB_HOSTS.plain.name} `));
      await session.command('EHLO lab.test', /^250 /);
      expect(session.transcript()).toMatch(/^250-AUTH /m);
      expect(session.transcript()).not.toContain('STARTTLS');
    } finally {
      socket.destroy();
    }
  });
});

describe('lab web server', () => {
  function get(
    scheme: 'http' | 'https',
    host: string,
    path: string,
  ): Promise<{ status: number; type: string; body: string; location?: string }> {
    const port = scheme === 'https' ? 443 : 80;
    const module = scheme === 'https' ? https : http;
    return new Promise((resolve, reject) => {
      const req = module.request(
        {
          host: LAB_WEB.address,
          port,
          path,
          servername: host,
          headers: { host },
          ca: lab.caPem,
          timeout: 5_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              type: String(res.headers['content-type'] ?? ''),
              body: Buffer.concat(chunks).toString('utf8'),
              location: res.headers.location,
            }),
          );
        },
      );
      req.on('timeout', () => req.destroy(new Error('request timed out')));
      req.on('error', reject);
      req.end();
    });
  }

  it('serves autoconfig for good.test over https with a trusted certificate', async () => {
    const res = await get('https', 'autoconfig.good.test', '/mail/config-v1.1.xml?emailaddress=a');
    expect(res.status).toBe(200);
    expect(res.type).toContain('xml');
    expect(res.body).toContain('<clientConfig');
  });

  it('answers an Autodiscover POST from the static document', async () => {
    const body = await new Promise<string>((resolve, reject) => {
      const req = https.request(
        {
          host: LAB_WEB.address,
          method: 'POST',
          path: '/autodiscover/autodiscover.xml',
          servername: 'autodiscover.autodiscover.test',
          headers: { host: 'autodiscover.autodiscover.test', 'content-type': 'text/xml' },
          ca: lab.caPem,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        },
      );
      req.on('error', reject);
      req.end(
        '<Autodiscover><Request><EMailAddress>a@autodiscover.test</EMailAddress></Request></Autodiscover>',
      );
    });
    expect(body).toContain('<Autodiscover');
  });

  it('serves httponly.test only over http', async () => {
    const path = '/mail/config-v1.1.xml';
    expect((await get('http', 'autoconfig.httponly.test', path)).status).toBe(200);
    expect((await get('https', 'autoconfig.httponly.test', path)).status).toBe(404);
  });

  it('has the hostile routes', async () => {
    const loop = await get('https', 'hostile.test', '/hostile/redirect-loop');
    expect(loop.status).toBe(302);
    expect(loop.location).toBe('https://hostile.test/hostile/redirect-loop');
    expect((await get('https', 'hostile.test', '/hostile/wrong-content-type')).type).toContain(
      'text/html',
    );
    expect((await get('https', 'hostile.test', '/hostile/entity-bomb')).body).toContain('<!ENTITY');
  });

  it('streams 50 MB from the huge route', async () => {
    const size = await new Promise<number>((resolve, reject) => {
      const req = https.get(
        {
          host: LAB_WEB.address,
          path: '/hostile/huge',
          servername: 'hostile.test',
          headers: { host: 'hostile.test' },
          ca: lab.caPem,
        },
        (res) => {
          let total = 0;
          res.on('data', (chunk: Buffer) => (total += chunk.length));
          res.on('end', () => resolve(total));
        },
      );
      req.on('error', reject);
    });
    expect(size).toBeGreaterThan(HUGE_BODY_BYTES);
  });
});

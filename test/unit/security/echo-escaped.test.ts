/**
 * Security review: a server that echoes what it received must not get the password into the
 * result (and from there into reports, JSON and tickets) in the escaped form the protocol sent
 * it in - IMAP LOGIN quotes the password, so `"` and `\` travel as `\"` and `\\`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { verifyEndpoint } from '../../../electron/engine/verify/index.ts';
import { fakeServer, type FakeServer } from '../verify/fake-server.ts';

const PASSWORD = 'qu"ote\\d-pw';
const servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('echoed passwords in escaped form', () => {
  it('imap LOGIN: the quoted form of the password is masked too', async () => {
    const server = await fakeServer('* OK [CAPABILITY IMAP4rev1] ready', (line) => {
      const [tag, command] = line.split(' ');
      const verb = command?.toUpperCase();
      if (verb === 'CAPABILITY') return ['* CAPABILITY IMAP4rev1', `${tag} OK`];
      if (verb === 'LOGOUT') return ['* BYE', `${tag} OK`];
      return `${tag} NO [AUTHENTICATIONFAILED] you sent: ${line}`;
    });
    servers.push(server);
    const result = await verifyEndpoint(
      { protocol: 'imap', host: '127.0.0.1', port: server.port, security: 'plain', username: 'u' },
      { password: PASSWORD, allowInsecure: ['127.0.0.1'], timeoutMs: 3000 },
    );
    expect(result.ok).toBe(false);
    const sent = server.lines.join('\n');
    expect(sent).toContain('LOGIN');
    const text = JSON.stringify(result);
    expect(text).toContain('you sent');
    const escaped = PASSWORD.replace(/[\\"]/g, (c) => `\\${c}`);
    for (const form of [PASSWORD, escaped, 'qu', 'ote']) {
      if (form.length > 3) expect(JSON.parse(text).serverText).not.toContain(form);
    }
    expect(JSON.parse(text).serverText).not.toMatch(/ote.{0,4}d-pw/);
  });
});

describe('scrubServerText', () => {
  it('masks a password holding control characters, whose echo loses them', async () => {
    const { scrubServerText } = await import('../../../electron/engine/verify/attempt.ts');
    const password = 'tab\tbed-pass';
    expect(scrubServerText(`NO you sent ${password} here`, password)).toBe('NO you sent *** here');
  });
});

/**
 * The outcome the end-to-end tests assert: the settings that reached the mail program, read back
 * from the files the wizard wrote (Thunderbird's `user.js`/`prefs.js` syntax), and a login with
 * them through an independent client (Python's imaplib/smtplib, `independent-login.py`) with the
 * lab's CA. Host names are resolved through the lab's DNS server here, in Node's own resolver.
 */
import { spawn } from 'node:child_process';
import { Resolver } from 'node:dns/promises';
import { fileURLToPath } from 'node:url';
import type { Endpoint, Security } from '../../shared/model.ts';
import type { LabInfo } from '../lab/lab-info.ts';

const SECURITY: Record<string, Security> = { '0': 'plain', '2': 'starttls', '3': 'tls' };

/** `user_pref("name", value);` lines as a map (strings unquoted, numbers as text). */
export function readPrefs(text: string): Map<string, string> {
  const prefs = new Map<string, string>();
  const line = /^\s*user_pref\("((?:[^"\\]|\\.)*)",\s*("(?:[^"\\]|\\.)*"|[^)]*)\);/gm;
  for (const match of text.matchAll(line)) {
    const raw = match[2]!.trim();
    prefs.set(match[1]!, raw.startsWith('"') ? (JSON.parse(raw) as string) : raw);
  }
  return prefs;
}

/** The incoming and outgoing server of the account with this address, as Thunderbird reads them. */
export function thunderbirdAccount(
  text: string,
  address: string,
): { incoming: Endpoint; outgoing: Endpoint } {
  const prefs = readPrefs(text);
  const get = (name: string) => {
    const value = prefs.get(name);
    if (value === undefined) throw new Error(`${name} is not in the file`);
    return value;
  };
  const identity = [...prefs].find(
    ([name, value]) => /^mail\.identity\.[^.]+\.useremail$/.test(name) && value === address,
  )?.[0];
  if (!identity) throw new Error(`no identity for ${address}`);
  const id = identity.split('.')[2]!;
  const account = [...prefs].find(
    ([name, value]) =>
      /^mail\.account\.[^.]+\.identities$/.test(name) && value.split(',').includes(id),
  )?.[0];
  if (!account) throw new Error(`no account for identity ${id}`);
  const server = get(`mail.account.${account.split('.')[2]}.server`);
  const smtp = get(`mail.identity.${id}.smtpServer`);
  const incoming: Endpoint = {
    protocol: get(`mail.server.${server}.type`) as Endpoint['protocol'],
    host: get(`mail.server.${server}.hostname`),
    port: Number(get(`mail.server.${server}.port`)),
    security: SECURITY[get(`mail.server.${server}.socketType`)]!,
    username: get(`mail.server.${server}.userName`),
  };
  const outgoing: Endpoint = {
    protocol: 'smtp',
    host: get(`mail.smtpserver.${smtp}.hostname`),
    port: Number(get(`mail.smtpserver.${smtp}.port`)),
    security: SECURITY[get(`mail.smtpserver.${smtp}.try_ssl`)]!,
    username: get(`mail.smtpserver.${smtp}.username`),
  };
  return { incoming, outgoing };
}

export interface IndependentLogin {
  incoming: string;
  outgoing: string;
}

/** Logs in to both servers with Python's clients; "ok" or the error, per side. */
export async function independentLogin(
  lab: LabInfo,
  account: { incoming: Endpoint; outgoing: Endpoint },
  password: string,
  insecure: readonly string[] = [],
): Promise<IndependentLogin> {
  const resolver = new Resolver();
  resolver.setServers([lab.dns]);
  const hosts: Record<string, string> = {};
  for (const { host } of [account.incoming, account.outgoing]) {
    hosts[host] = (await resolver.resolve4(host))[0]!;
  }
  const ca = lab.caFile;
  const script = fileURLToPath(new URL('./independent-login.py', import.meta.url));
  const input = JSON.stringify({ hosts, ca, password, insecure, ...account });
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [script], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`independent login exited ${code}: ${err}`));
      else resolve(JSON.parse(out) as IndependentLogin);
    });
    child.stdin.end(input);
  });
}

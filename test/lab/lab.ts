/**
 * Starts the whole mail lab on loopback: certificates, Dovecot, Postfix, dnsmasq and the Node
 * servers (silent host, web server), each with its state in one fresh temporary folder. Resolves
 * once every port answers; on failure stops what it started and names the failing server's log.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeLabCerts } from './certs.ts';
import { startDnsmasq } from './dnsmasq.ts';
import { startDovecot } from './dovecot.ts';
import type { LabInfo } from './lab-info.ts';
import type { LabState } from './lab-state.ts';
import { startNodeServers } from './node-servers.ts';
import { startPostfix, stopPostfix } from './postfix.ts';
import { describeBusy, holderOf, listeners, type LabPort, type Listener } from './port-holders.ts';
import { portAnswers, stopPid, waitForServer, type ServerCheck } from './processes.ts';
import { SILENT_PORTS } from './silent-host.ts';
import { LAB_DNS, LAB_HOSTS, LAB_WEB } from './topology.ts';

/** A lab this process started. */
export interface RunningLab extends LabInfo {
  /** What another process needs to reuse or stop this lab. */
  state: Omit<LabState, 'persistent' | 'users'>;
  stop(): Promise<void>;
}

function subdir(root: string, name: string): string {
  const dir = path.join(root, name);
  mkdirSync(dir, { mode: 0o755 });
  return dir;
}

/** Stops the processes of a lab (ours or recorded by another process) and removes its folder. */
export async function stopLabProcesses(
  state: Pick<LabState, 'pids' | 'postfixConfigDir' | 'info'>,
): Promise<void> {
  if (state.postfixConfigDir) await stopPostfix(state.postfixConfigDir);
  await Promise.all(state.pids.map((pid) => stopPid(pid)));
  if (path.basename(state.info.stateDir).startsWith(STATE_PREFIX)) {
    rmSync(state.info.stateDir, { recursive: true, force: true });
  }
}

const STATE_PREFIX = 'mailsetup-lab-';

/** Every address:port the lab listens on; all must be free before it starts. */
export function labPorts(): LabPort[] {
  const tcp = (host: string, ports: readonly number[]): LabPort[] =>
    ports.map((port) => ({ host, port, protocol: 'tcp' }));
  const tlsHostPorts = [
    LAB_HOSTS.good,
    LAB_HOSTS.expired,
    LAB_HOSTS.wrongName,
    LAB_HOSTS.selfSigned,
    LAB_HOSTS.notYetValid,
    LAB_HOSTS.expiring,
  ].flatMap((h) => tcp(h.address, [993, 143, 995, 110, 465, 587, 25]));
  return [
    ...tlsHostPorts,
    ...tcp(LAB_HOSTS.plain.address, [143, 110, 587, 25]),
    ...tcp(LAB_HOSTS.legacy.address, [465, 587, 25, 110, 993, 143]),
    ...tcp(LAB_HOSTS.silent.address, SILENT_PORTS),
    ...tcp(LAB_WEB.address, [443, 80]),
    { host: LAB_DNS.host, port: LAB_DNS.port, protocol: 'tcp' },
    { host: LAB_DNS.host, port: LAB_DNS.port, protocol: 'udp' },
  ];
}

/** The lab could not start for a reason the person can act on; its message says which. */
export class LabStartError extends Error {
  override name = 'LabStartError';
}

/** The lab ports something else holds, each with its holder where ss can name it. */
async function busyPorts(): Promise<Array<{ port: LabPort; holder: Listener | undefined }>> {
  const ports = labPorts();
  const all = listeners();
  if (all) {
    return ports.flatMap((port) => {
      const holder = holderOf(port, all);
      return holder ? [{ port, holder }] : [];
    });
  }
  // No ss: a TCP connect tells at least that the port is taken.
  const tcp = ports.filter((p) => p.protocol === 'tcp');
  const taken = await Promise.all(tcp.map((p) => portAnswers(p.host, p.port)));
  return tcp.filter((_, i) => taken[i]).map((port) => ({ port, holder: undefined }));
}

/** Fails fast, in one line, when something (another lab, a system daemon) holds a lab port. */
async function assertPortsFree(): Promise<void> {
  const busy = await busyPorts();
  if (busy.length === 0) return;
  throw new LabStartError(
    `cannot start the mail lab: ${describeBusy(busy)}. Stop that server (npm run lab:down if ` +
      'it is a lab), or run npm test where it can make a network namespace.',
  );
}

/** Starts every lab server; resolves when all of them answer. */
export async function startLab(): Promise<RunningLab> {
  await assertPortsFree();
  const stateDir = mkdtempSync(path.join(os.tmpdir(), STATE_PREFIX));
  // Dovecot's and Postfix's unprivileged processes must reach their files in here.
  chmodSync(stateDir, 0o755);
  const certs = await makeLabCerts(subdir(stateDir, 'certs'));
  const info: LabInfo = {
    caFile: certs.caFile,
    caPem: certs.caPem,
    dns: `${LAB_DNS.host}:${LAB_DNS.port}`,
    stateDir,
  };
  const servers: ServerCheck[] = [];
  let postfixConfigDir: string | undefined;
  const state = (): RunningLab['state'] => ({
    info,
    pids: servers.map((s) => s.pid),
    postfixConfigDir,
  });
  try {
    const dovecot = startDovecot(subdir(stateDir, 'dovecot'), certs);
    servers.push(dovecot);
    servers.push(startDnsmasq(subdir(stateDir, 'dnsmasq')));
    servers.push(startNodeServers(subdir(stateDir, 'node'), certs));
    await waitForServer(dovecot);
    const postfix = await startPostfix(subdir(stateDir, 'postfix'), certs, dovecot.saslSocket);
    postfixConfigDir = postfix.configDir;
    servers.push(postfix);
    await Promise.all(servers.map((s) => waitForServer(s)));
  } catch (error) {
    await stopLabProcesses({ ...state(), info: { ...info, stateDir: '' } });
    // The message names the server and the tail of its log: enough to act on, without a stack.
    throw new LabStartError(error instanceof Error ? error.message : String(error), {
      cause: error,
    });
  }
  return {
    ...info,
    state: state(),
    stop: () => stopLabProcesses(state()),
  };
}

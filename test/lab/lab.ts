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
function labPorts(): Array<{ host: string; port: number }> {
  const tlsHostPorts = [
    LAB_HOSTS.good,
    LAB_HOSTS.expired,
    LAB_HOSTS.wrongName,
    LAB_HOSTS.selfSigned,
    LAB_HOSTS.notYetValid,
    LAB_HOSTS.expiring,
  ].flatMap((h) => [993, 143, 995, 110, 465, 587, 25].map((port) => ({ host: h.address, port })));
  return [
    ...tlsHostPorts,
    ...[143, 110, 587, 25].map((port) => ({ host: LAB_HOSTS.plain.address, port })),
    ...[465, 587, 25, 110, 993, 143].map((port) => ({ host: LAB_HOSTS.legacy.address, port })),
    ...SILENT_PORTS.map((port) => ({ host: LAB_HOSTS.silent.address, port })),
    { host: LAB_WEB.address, port: 443 },
    { host: LAB_WEB.address, port: 80 },
    { host: LAB_DNS.host, port: LAB_DNS.port },
  ];
}

/** Fails fast when something (another lab, a system daemon) already holds a lab port. */
async function assertPortsFree(): Promise<void> {
  const ports = labPorts();
  const taken = await Promise.all(ports.map((p) => portAnswers(p.host, p.port)));
  const busy = ports.filter((_, i) => taken[i]).map((p) => `${p.host}:${p.port}`);
  if (busy.length > 0) {
    throw new Error(
      `cannot start the mail lab: ${busy.slice(0, 5).join(', ')}${busy.length > 5 ? ' ...' : ''} ` +
        'already in use (another lab? try npm run lab:down; a system postfix/dovecot? stop it)',
    );
  }
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
    throw error;
  }
  return {
    ...info,
    state: state(),
    stop: () => stopLabProcesses(state()),
  };
}

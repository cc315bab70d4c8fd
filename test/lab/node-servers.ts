/**
 * Runs the lab's Node servers (the silent host and the web server) in a process of their own, so
 * a lab started by `npm run lab:up` keeps them after the command exits. `startNodeServers` spawns
 * this file; run directly, it serves until SIGTERM.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LabCerts } from './certs.ts';
import { spawnServer, type ServerCheck } from './processes.ts';
import { startSilentHost, SILENT_PORTS } from './silent-host.ts';
import { LAB_HOSTS, LAB_WEB } from './topology.ts';
import { startWebServer } from './web-server.ts';

const THIS_FILE = fileURLToPath(import.meta.url);
/** `--import tsx` resolves from the working directory: the repository root. */
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Spawns this file as a server process; its log goes to `dir/node-servers.log`. */
export function startNodeServers(dir: string, certs: LabCerts): ServerCheck {
  const logFile = path.join(dir, 'node-servers.log');
  const pid = spawnServer(
    process.execPath,
    ['--import', 'tsx', THIS_FILE, certs.web.cert, certs.web.key],
    logFile,
    { cwd: REPO_ROOT },
  );
  return {
    name: 'node servers (silent host, web)',
    pid,
    logFile,
    ports: [
      ...SILENT_PORTS.map((port) => ({ host: LAB_HOSTS.silent.address, port })),
      { host: LAB_WEB.address, port: 443 },
      { host: LAB_WEB.address, port: 80 },
    ],
  };
}

async function main(certFile: string, keyFile: string): Promise<void> {
  const silent = await startSilentHost();
  const web = await startWebServer({ certFile, keyFile });
  console.log(`node servers up (pid ${process.pid})`);
  const stop = async (): Promise<void> => {
    await Promise.all([silent.stop(), web.stop()]);
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

if (process.argv[1] && path.resolve(process.argv[1]) === THIS_FILE) {
  const [certFile, keyFile] = process.argv.slice(2);
  if (!certFile || !keyFile) {
    console.error('usage: node-servers.ts <web-cert.pem> <web-key.pem>');
    process.exit(2);
  }
  main(certFile, keyFile).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

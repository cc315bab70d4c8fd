// Network namespaces for the tests: which `unshare` flags make one on this machine (as root
// `--net`; otherwise, where the kernel allows unprivileged user namespaces,
// `--user --map-root-user --net`), and bringing up the new namespace's own loopback.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** `ip`, also where it lives outside another user's PATH. */
const ip = ['/usr/sbin/ip', '/sbin/ip', '/usr/bin/ip', '/bin/ip'].find(existsSync) ?? 'ip';

function quietly(command, args) {
  const result = spawnSync(command, args, { stdio: 'ignore' });
  return !result.error && result.status === 0;
}

/** The unshare flags that work on this machine, or undefined when none does. */
export function namespaceFlags() {
  if (process.platform !== 'linux') return undefined;
  const candidates =
    process.getuid?.() === 0
      ? [['--net'], ['--user', '--map-root-user', '--net']]
      : [['--user', '--map-root-user', '--net']];
  return candidates.find((flags) =>
    quietly('unshare', [...flags, '--', ip, 'link', 'set', 'lo', 'up']),
  );
}

/** Brings up `lo` in the namespace this process runs in; false when that fails. */
export function loopbackUp() {
  return quietly(ip, ['link', 'set', 'lo', 'up']);
}

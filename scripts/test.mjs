// `npm test`: runs Vitest inside a network namespace of its own, so the mail lab's loopback
// addresses and standard ports (25, 53, 110, 143, 465, 587, 993, 995, 5353) are always free and
// nothing on the host can answer in the lab's place. As root: `unshare --net`; otherwise, where
// the kernel allows unprivileged user namespaces, `unshare --user --map-root-user --net`. Where no
// namespace can be made, the tests run on the host's loopback and the lab checks its ports first.
// Before that, scripts/test-deps.sh installs missing Debian packages (as root on Debian only).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loopbackUp, namespaceFlags } from './netns.mjs';

const INSIDE = 'MAILSETUP_TEST_NETNS';
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const testDeps = fileURLToPath(new URL('./test-deps.sh', import.meta.url));
const needsReporter = fileURLToPath(new URL('../test/helpers/needs-reporter.ts', import.meta.url));

/** The arguments for Vitest; reporters asked for on the command line keep the skip lines. */
function vitestArgs(given) {
  const reporters = given.some((a) => a === '--reporter' || a.startsWith('--reporter='));
  const ours = `--reporter=${needsReporter}`;
  return reporters && !given.includes(ours) ? [ours, ...given] : given;
}
const args = vitestArgs(process.argv.slice(2));

function run(command, commandArgs, env = process.env) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', env });
  if (result.error) return { status: null, error: result.error };
  return { status: result.status ?? 1, signal: result.signal };
}

if (process.env[INSIDE] === '1') {
  // In the new namespace: bring its own loopback up, then run the tests.
  if (!loopbackUp()) {
    console.error(
      'npm test: could not bring up the loopback of the test namespace (ip link set lo up)',
    );
    process.exit(1);
  }
  const result = run(process.execPath, [vitest, 'run', ...args]);
  process.exit(result.status ?? 1);
}

// Missing packages first (a no-op unless root on Debian; quick when nothing is missing). When it
// cannot install them, the tests that need them are skipped, each component with one line.
if (process.platform === 'linux') run('bash', [testDeps]);

// The tests that run the `mailsetup` binary run the bundle of the code as it is now (a fraction of
// a second), not the one `npm ci` built before the last change.
const build = run(process.execPath, [
  fileURLToPath(new URL('./build.mjs', import.meta.url)),
  'cli',
]);
if (build.status !== 0) {
  console.error('npm test: could not build the mailsetup bundle (node scripts/build.mjs cli)');
  process.exit(1);
}

// MAILSETUP_TEST_NETNS=0 runs on the host's loopback, as where no namespace can be made.
const flags = process.env[INSIDE] === '0' ? undefined : namespaceFlags();
if (flags) {
  const script = fileURLToPath(import.meta.url);
  const result = run('unshare', [...flags, '--', process.execPath, script, ...args], {
    ...process.env,
    [INSIDE]: '1',
  });
  process.exit(result.status ?? 1);
}
const result = run(process.execPath, [vitest, 'run', ...args], { ...process.env, [INSIDE]: '0' });
process.exit(result.status ?? 1);

/**
 * `npm run lab:up` / `npm run lab:down`: start the mail lab by hand (it stays up, and test runs
 * reuse it) or stop it.
 */
import { acquireLab, stopRecordedLab } from './lab-lease.ts';
import { LAB_HOSTS } from './topology.ts';

async function up(): Promise<void> {
  const started = Date.now();
  const info = await acquireLab({ persistent: true });
  console.log(`Mail lab is up (${Date.now() - started} ms). State and logs: ${info.stateDir}`);
  console.log(`  CA certificate: ${info.caFile}`);
  console.log(`  DNS server:     ${info.dns}`);
  console.log(`Try: mailsetup probe ${LAB_HOSTS.good.name} --dns ${info.dns} --ca ${info.caFile}`);
  console.log('Stop it with: npm run lab:down');
}

async function down(): Promise<void> {
  const stopped = await stopRecordedLab();
  console.log(stopped ? 'Mail lab stopped.' : 'No mail lab was running.');
}

const command = process.argv[2];
const run = command === 'up' ? up : command === 'down' ? down : undefined;
if (!run) {
  console.error('usage: cli.ts up|down');
  process.exit(2);
}
run().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

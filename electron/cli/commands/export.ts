import { EXIT, type CliIo } from '../io.ts';

/** `mailsetup export`: not built yet. */
export async function run(_args: string[], io: CliIo): Promise<number> {
  io.stderr.write('mailsetup export: not available yet\n');
  return EXIT.failed;
}

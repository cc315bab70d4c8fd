/**
 * Runs the `mailsetup` CLI from source in a child process (`node --import tsx cli-child.ts ...`),
 * so a test sees exactly what a person would: stdout, stderr, crash output and the exit code.
 */
import { main } from '../../electron/cli/main.ts';

process.exitCode = await main(process.argv.slice(2));

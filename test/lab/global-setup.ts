/**
 * Vitest globalSetup for integration and e2e tests: reuses a lab that is already up (from
 * `npm run lab:up` or another test run), otherwise starts one. A lab started here is stopped by
 * the last test run still using it; a lab from `lab:up` is never stopped here. Where the lab's
 * components are missing, nothing starts and the lab runner skips the tests that need it.
 */
import type { TestProject } from 'vitest/node';
import { missingComponents } from '../helpers/components.ts';
import { acquireLab, releaseLab } from './lab-lease.ts';
import { LabStartError } from './lab.ts';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  if (missingComponents(['lab']).length > 0) return;
  try {
    const info = await acquireLab({ persistent: false });
    project.provide('lab', info);
    return () => releaseLab(info);
  } catch (error) {
    // A busy port or a server that will not start: one line (and the log's tail), no stack.
    if (!(error instanceof LabStartError)) throw error;
    console.error(`\nnpm test: ${error.message}\n`);
    process.exit(1);
  }
}

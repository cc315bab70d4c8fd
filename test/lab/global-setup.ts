/**
 * Vitest globalSetup for integration and e2e tests: reuses a lab that is already up (from
 * `npm run lab:up` or another test run), otherwise starts one. A lab started here is stopped by
 * the last test run still using it; a lab from `lab:up` is never stopped here.
 */
import type { TestProject } from 'vitest/node';
import { acquireLab, releaseLab } from './lab-lease.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const info = await acquireLab({ persistent: false });
  project.provide('lab', info);
  return () => releaseLab(info);
}

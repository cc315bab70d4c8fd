/** The runner of the integration and e2e projects: a file needs the lab unless it says otherwise. */
import type { ComponentId } from '../helpers/components.ts';
import NeedsRunner from '../helpers/needs-runner.ts';

export default class LabRunner extends NeedsRunner {
  protected override readonly fileDefault: ComponentId[] = ['lab'];
}

/**
 * What the running lab tells the tests (through Vitest's provide/inject): where its CA is, which
 * DNS server answers for the test domains. Addresses, names and users are fixed in topology.ts.
 */
export interface LabInfo {
  /** PEM file of the lab's test CA (pass as `--ca` / `ca`). */
  caFile: string;
  /** The same CA, as PEM text. */
  caPem: string;
  /** dnsmasq, as `IP:PORT` (pass as `--dns`). */
  dns: string;
  /** Temporary folder with the lab's state (configs, logs, certificates). */
  stateDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    lab: LabInfo;
  }
}

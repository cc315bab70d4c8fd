/**
 * Every catalogue, imported statically so that bundlers inline them (a desktop app bundles its
 * languages; nothing is fetched). Add a namespace: add its two JSON files and one line per language.
 */
import enCommon from './en/common.json';
import deCommon from './de/common.json';
import enWizard from './en/wizard.json';
import deWizard from './de/wizard.json';
import enProviders from './en/providers.json';
import deProviders from './de/providers.json';
import enMenu from './en/menu.json';
import deMenu from './de/menu.json';
import enIpc from './en/ipc.json';
import deIpc from './de/ipc.json';
import enVerify from './en/verify.json';
import deVerify from './de/verify.json';
import enExport from './en/export.json';
import deExport from './de/export.json';
import enFindings from './en/findings.json';
import deFindings from './de/findings.json';
import enCli from './en/cli.json';
import deCli from './de/cli.json';
import enAddress from './en/address.json';
import deAddress from './de/address.json';
import enDiscovery from './en/discovery.json';
import deDiscovery from './de/discovery.json';
import enHealth from './en/health.json';
import deHealth from './de/health.json';
import enAccount from './en/account.json';
import deAccount from './de/account.json';
import enFinish from './en/finish.json';
import deFinish from './de/finish.json';
import enSecurity from './en/security.json';
import deSecurity from './de/security.json';

export const catalogues = {
  en: {
    common: enCommon,
    wizard: enWizard,
    providers: enProviders,
    menu: enMenu,
    ipc: enIpc,
    verify: enVerify,
    export: enExport,
    findings: enFindings,
    cli: enCli,
    address: enAddress,
    discovery: enDiscovery,
    health: enHealth,
    account: enAccount,
    finish: enFinish,
    security: enSecurity,
  },
  de: {
    common: deCommon,
    wizard: deWizard,
    providers: deProviders,
    menu: deMenu,
    ipc: deIpc,
    verify: deVerify,
    export: deExport,
    findings: deFindings,
    cli: deCli,
    address: deAddress,
    discovery: deDiscovery,
    health: deHealth,
    account: deAccount,
    finish: deFinish,
    security: deSecurity,
  },
} as const;

// electron-builder configuration: `npm run dist` builds the installers for the current OS
// (Windows: NSIS; macOS: dmg with hardened runtime; Linux: AppImage and deb) into `dist/`.
// Validated offline against electron-builder's own JSON schema by test/unit/electron/builder-config.test.ts.
//
// Icons live in resources/ and are regenerated from resources/icon.svg by build/make-icons.sh
// (icon.png 1024 px, icons/<n>x<n>.png for Linux, icon.ico for Windows, icon.icns for macOS).
// Signing and notarisation need the vendor's certificates on a networked build machine; without
// them electron-builder builds unsigned packages.

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'org.mailsetupwizard.app',
  productName: 'Mail Setup Wizard',
  copyright: 'Copyright © 2026 Mail Setup Wizard contributors',
  directories: { output: 'dist', buildResources: 'build' },
  // Only the built app goes into the package: main, preload, renderer, package.json.
  files: ['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json', '!**/*.map'],
  asar: true,
  // keytar is a native module: it must live outside the asar archive to be loaded.
  asarUnpack: ['node_modules/keytar/**'],
  // keytar is a Node-API module: the same binary loads in Node and Electron, no rebuild needed
  // (and a rebuild would download Electron headers).
  npmRebuild: false,
  // Chromium locales kept in the package: the languages the app speaks (app.getLocale needs them).
  electronLanguages: ['en', 'de'],
  // Electron fuses flipped at package time (security checklist item 19).
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },
  icon: 'resources/icon.png',
  win: {
    target: [{ target: 'nsis', arch: ['x64', 'arm64'] }],
    icon: 'resources/icon.ico',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    shortcutName: 'Mail Setup Wizard',
    installerLanguages: ['en_US', 'de_DE'],
    multiLanguageInstaller: true,
    artifactName: '${productName}-Setup-${version}-${arch}.${ext}',
  },
  mac: {
    target: [{ target: 'dmg', arch: ['universal'] }],
    category: 'public.app-category.utilities',
    icon: 'resources/icon.icns',
    hardenedRuntime: true,
    gatekeeperAssess: false,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.inherit.plist',
  },
  dmg: {
    artifactName: '${productName}-${version}-${arch}.${ext}',
  },
  linux: {
    target: ['AppImage', 'deb'],
    icon: 'resources/icons',
    category: 'Network',
    executableName: 'mail-setup-wizard',
    maintainer: 'Mail Setup Wizard contributors <maintainers@mailsetupwizard.org>',
    vendor: 'Mail Setup Wizard contributors',
    synopsis: 'Sets up email accounts securely and diagnoses mail server problems',
    description:
      'Mail Setup Wizard takes a person from an email address and a password to a working, ' +
      'secure mail account, and gives helpdesk staff a diagnosis they can act on.',
  },
  appImage: {
    artifactName: '${productName}-${version}-${arch}.${ext}',
  },
  deb: {
    // Electron's own runtime libraries plus libsecret for the keychain (keytar).
    depends: [
      'libgtk-3-0',
      'libnotify4',
      'libnss3',
      'libxss1',
      'libxtst6',
      'xdg-utils',
      'libatspi2.0-0',
      'libuuid1',
      'libsecret-1-0',
    ],
  },
  publish: null,
};

module.exports = config;

import type { Configuration } from 'electron-builder';

/**
 * electron-builder configuration for Pickup Kiosk. `kioskctl build` starts from this object and adds one
 * machine's configuration, output folder and artifact name (electron/build-tools/builder-config.ts); it also
 * works alone: `npx electron-builder --config build/electron-builder.config.ts --linux dir --publish never`.
 */

/**
 * Names a credential or provisioning file could have. Never packaged; every build checks its output for them.
 * Data-file names only (.json, .env), so no code file of the app or a dependency can be caught by mistake.
 */
export const CREDENTIAL_FILE_PATTERNS = [
  '**/*.provision.json',
  '**/provisioning*.json',
  '**/credentials*.json',
  '**/.env',
  '**/.env.*',
  '**/*.env',
] as const;

/** Native modules load from real files, not from inside the asar archive. */
export const NATIVE_MODULE_PATTERNS = [
  '**/node_modules/serialport/**',
  '**/node_modules/@serialport/**',
  '**/*.node',
] as const;

/** The Linux executable name; the systemd unit and autostart entry start /usr/bin/pickup-kiosk. */
export const EXECUTABLE_NAME = 'pickup-kiosk';

export const electronBuilderConfig: Configuration = {
  appId: 'com.pickupkiosk.kiosk',
  productName: 'Pickup Kiosk',
  copyright: 'Copyright © Pickup Kiosk',
  directories: { output: 'release', buildResources: 'build' },
  // Only the compiled app: never sources, tests, build scripts, machine configurations or credentials.
  files: ['out/**/*', 'package.json', ...CREDENTIAL_FILE_PATTERNS.map((p) => `!${p}`)],
  asar: true,
  asarUnpack: [...NATIVE_MODULE_PATTERNS],
  // Nothing is ever rebuilt: the journal is node:sqlite (inside Electron) and serialport's only native part is
  // N-API prebuilds for every platform, which load in Electron as they are. A rebuild would also write Electron-ABI
  // binaries into the project's own node_modules and break the Node-run tests and kioskctl afterwards.
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  artifactName: 'pickup-kiosk-${version}-${arch}.${ext}',
  publish: null,
  // A kiosk runs unattended in public: nobody may turn the app into a plain Node, inject Node options,
  // attach an inspector, or swap its code next to the archive.
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
    // The page is served from app://kiosk (electron/main/protocol), so file:// needs none of its old privileges.
    grantFileProtocolExtraPrivileges: false,
  },
  // electron-builder builds the unpacked app (dir, or tar.gz); the deb is made from it with dpkg-deb by
  // `kioskctl build --target deb` (electron/build-tools/deb-package.ts), which needs no download.
  // No AppImage: see BUILD_TARGETS in electron/build-tools/builder-config.ts.
  linux: {
    target: ['dir'],
    executableName: EXECUTABLE_NAME,
    icon: 'build/icons/icon.png',
    category: 'Utility',
    synopsis: 'Touchscreen pickup-code kiosk',
    maintainer: 'Pickup Kiosk <support@pickupkiosk.invalid>',
    // The deb's postinst (build/linux/after-install.sh) installs these from resources/linux and
    // resources/apparmor-profile, the path it shares with electron-builder's own script.
    extraResources: [
      {
        from: 'build/linux',
        to: 'linux',
        filter: [
          'pickup-kiosk.service',
          'pickup-kiosk-cage.service',
          'pickup-kiosk.desktop',
          '99-pickup-kiosk.rules',
        ],
      },
      { from: 'build/linux/apparmor-profile', to: 'apparmor-profile' },
    ],
  },
  win: {
    target: ['nsis'],
    icon: 'build/icons/icon.png',
  },
  nsis: {
    // Installed for the machine, not one user; the kiosk then registers itself to start at login.
    perMachine: true,
    oneClick: false,
    allowToChangeInstallationDirectory: false,
    createDesktopShortcut: false,
    runAfterFinish: true,
  },
};

// electron-builder's own CLI loads a TypeScript config through its default export.
export default electronBuilderConfig;

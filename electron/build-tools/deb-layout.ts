import { err, ok, type Result } from '../contract/result';

/**
 * Where each part of the kiosk goes in the Debian package, as paths relative to the package root. The same
 * places electron-builder's own deb uses, so its postinst logic (and an installer's habits) carry over.
 */

/** One thing to put into the package root: a folder tree, a file, or generated text. */
export type DebEntry =
  | { readonly kind: 'tree'; readonly from: string; readonly to: string }
  | { readonly kind: 'file'; readonly from: string; readonly to: string; readonly mode: number }
  | { readonly kind: 'text'; readonly text: string; readonly to: string; readonly mode: number };

export type DebLayoutPlan = {
  /** electron-builder's `linux-unpacked` (or `linux-<arch>-unpacked`) folder. */
  readonly unpackedDir: string;
  /** A 512×512 PNG (build/icons/icon.png; test/build/electron-builder-config.test.ts checks its size). */
  readonly iconFile: string;
  /** The folder under /opt; electron-builder's `${sanitizedProductName}`. */
  readonly productName: string;
  /** electron-builder's `${executable}`. */
  readonly executable: string;
  readonly synopsis: string;
  /** build/linux/after-install.sh and after-remove.sh, unfilled. */
  readonly postinstTemplate: string;
  readonly postrmTemplate: string;
};

export const debInstallDir = (productName: string): string => `opt/${productName}`;

/** The macros electron-builder fills into its maintainer scripts; the only `${name}` forms they may hold. */
export type ScriptMacros = { readonly executable: string; readonly sanitizedProductName: string };

/**
 * Fills `${executable}` and `${sanitizedProductName}`. The scripts quote them in single quotes, so a value
 * with a quote is refused; any other `${name}` left over is a macro nobody fills, and refused too.
 */
export const fillScriptMacros = (template: string, macros: ScriptMacros): Result<string, string> => {
  for (const [name, value] of Object.entries(macros)) {
    if (!/^[A-Za-z0-9 ._-]+$/.test(value))
      return err(`${name} "${value}" cannot go into a maintainer script`);
  }
  const filled = template
    .replaceAll('${executable}', macros.executable)
    .replaceAll('${sanitizedProductName}', macros.sanitizedProductName);
  const unknown = /\$\{[A-Za-z]+\}/.exec(filled);
  return unknown === null ? ok(filled) : err(`maintainer script has an unknown macro ${unknown[0]}`);
};

/**
 * The application entry: it gives the desktop the kiosk window's name and icon. NoDisplay keeps it out of the
 * menus, where it would only start a second kiosk under whoever is logged in (the service starts the real one).
 */
export const desktopEntryText = (
  plan: Pick<DebLayoutPlan, 'productName' | 'executable' | 'synopsis'>,
): string =>
  [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${plan.productName}`,
    `Comment=${plan.synopsis}`,
    `Exec=/usr/bin/${plan.executable}`,
    `Icon=${plan.executable}`,
    `StartupWMClass=${plan.productName}`,
    'Terminal=false',
    'NoDisplay=true',
    'Categories=Utility;',
    '',
  ].join('\n');

/** Everything but DEBIAN/control, whose Installed-Size is known only once these are in place. */
export const debLayout = (plan: DebLayoutPlan): Result<DebEntry[], string> => {
  const macros = { executable: plan.executable, sanitizedProductName: plan.productName };
  const postinst = fillScriptMacros(plan.postinstTemplate, macros);
  if (!postinst.ok) return err(`postinst: ${postinst.error}`);
  const postrm = fillScriptMacros(plan.postrmTemplate, macros);
  if (!postrm.ok) return err(`postrm: ${postrm.error}`);
  return ok([
    { kind: 'tree', from: plan.unpackedDir, to: debInstallDir(plan.productName) },
    {
      kind: 'file',
      from: plan.iconFile,
      to: `usr/share/icons/hicolor/512x512/apps/${plan.executable}.png`,
      mode: 0o644,
    },
    {
      kind: 'text',
      text: desktopEntryText(plan),
      to: `usr/share/applications/${plan.executable}.desktop`,
      mode: 0o644,
    },
    { kind: 'text', text: postinst.value, to: 'DEBIAN/postinst', mode: 0o755 },
    { kind: 'text', text: postrm.value, to: 'DEBIAN/postrm', mode: 0o755 },
  ]);
};

import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A throwaway root filesystem for `dpkg --root`: the package database dpkg expects (status, available,
 * info/, updates/, triggers/), /usr/bin and /var/log, and optionally AppArmor 4's abi file, which the postinst
 * takes as "this image has AppArmor 4".
 */
export const makeScratchRoot = async (root: string, options: { apparmor4: boolean }): Promise<string> => {
  const admin = join(root, 'var/lib/dpkg');
  for (const dir of ['info', 'updates', 'triggers']) await mkdir(join(admin, dir), { recursive: true });
  await writeFile(join(admin, 'status'), '');
  await writeFile(join(admin, 'available'), '');
  await mkdir(join(root, 'usr/bin'), { recursive: true });
  await mkdir(join(root, 'var/log'), { recursive: true });
  if (options.apparmor4) {
    await mkdir(join(root, 'etc/apparmor.d/abi'), { recursive: true });
    await writeFile(join(root, 'etc/apparmor.d/abi/4.0'), '');
  }
  return root;
};

export type DpkgRun = { readonly status: number | null; readonly output: string };

/**
 * `dpkg` against the scratch root, never the machine's own: --root puts the files, the database and (through
 * DPKG_ROOT) the maintainer scripts' work below it; --force-script-chrootless runs the scripts without chroot
 * (the root holds no shell); --force-depends because none of the Depends are in it; --force-not-root lets
 * a developer run this without sudo; --log keeps dpkg's log in the root too.
 */
export const dpkgInRoot = (root: string, args: readonly string[]): DpkgRun => {
  const result = spawnSync(
    'dpkg',
    [
      `--root=${root}`,
      `--log=${join(root, 'var/log/dpkg.log')}`,
      '--force-script-chrootless',
      '--force-not-root',
      '--force-depends',
      ...args,
    ],
    {
      encoding: 'utf8',
      // dpkg refuses to run unless ldconfig and start-stop-daemon are on the PATH, which a user's may lack.
      env: { ...process.env, PATH: `${process.env.PATH ?? ''}:/usr/local/sbin:/usr/sbin:/sbin` },
    },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
};

/** The bundled CJK family (main.tsx imports its two weights). */
const FAMILY = 'Noto Sans SC';

/** Past this the screen draws anyway: a face that cannot load must never keep the kiosk blank. */
export const FACE_WAIT_MS = 1500;

/**
 * Loads both weights of the bundled CJK face before the first render, and answers `loaded` or `timeout`.
 * Chromium lays out text drawn before a web font arrives with its fallback, and with no CJK font on the PC some of
 * those Chinese strings kept their empty boxes after the face had loaded (the screen-state gallery showed it).
 * Neither a changed font list nor a fresh mount of the whole App made Chromium shape them again; only text first
 * laid out after the load drew right. The faces are local files: the cost is their decode, about 2 MB, once at
 * start (see the README's renderer figures).
 */
export const loadCjkFaces = (fonts: FontFaceSet, waitMs = FACE_WAIT_MS): Promise<'loaded' | 'timeout'> => {
  const loads = Promise.all(
    ['400', '700'].map((weight) => fonts.load(`${weight} 16px "${FAMILY}"`, '取货码')),
  );
  return Promise.race([
    loads.then(
      () => 'loaded' as const,
      () => 'timeout' as const,
    ),
    new Promise<'timeout'>((resolve) => {
      setTimeout(() => {
        resolve('timeout');
      }, waitMs);
    }),
  ]);
};

/** The bundled CJK family (main.tsx imports its two weights). */
const FAMILY = 'Noto Sans SC';

/** Past this the screen draws anyway: a face that cannot load must never keep the kiosk blank. */
export const FACE_WAIT_MS = 1500;

/**
 * Loads both weights of the bundled CJK face before the first render. Chromium lays out text drawn before a web
 * font arrives with its fallback, and with no CJK font on the PC some of those Chinese strings kept their empty
 * boxes after the face had loaded (the screen-state gallery showed it). The faces are local files, so the wait is
 * the decode of about 2 MB; it ends after `FACE_WAIT_MS` whatever happens.
 */
export const loadCjkFaces = (fonts: FontFaceSet, waitMs = FACE_WAIT_MS): Promise<void> => {
  const loads = Promise.all(
    ['400', '700'].map((weight) => fonts.load(`${weight} 16px "${FAMILY}"`, '取货码')),
  );
  return Promise.race([
    loads.then(
      () => undefined,
      () => undefined,
    ),
    new Promise<void>((resolve) => {
      setTimeout(resolve, waitMs);
    }),
  ]);
};

/**
 * The folder under the data folder holding cached pictures. Its own module: main/index.ts serves it as
 * app://kiosk/media/ before the runtime (and its heavy imports) is loaded.
 */
export const MEDIA_DIR_NAME = 'media';

export * from './api';
export * from './channels';
export * from './errors';
export * from './result';
export * from './schemas';
export * from './maintenance-schemas';
export * from './operator-schemas';
export * from './build-kiosk-api';

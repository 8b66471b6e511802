/** Open Badges 3.0 certificates: building, signing (eddsa-jcs-2022) and verifying, with WebCrypto only (Node and browsers alike). */
export * from './jcs';
export * from './multibase';
export * from './data-integrity';
export * from './status-list';
export * from './open-badge';
export * from './verify-credential';

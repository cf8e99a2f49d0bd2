export function encodeSparse(full: Uint8Array): Uint8Array;
export function decodeSparse(sparse: Uint8Array): Uint8Array;
export function isGzip(bytes: Uint8Array): boolean;

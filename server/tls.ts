import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';

/** The certificate and key an office supplies (from its IT department or a local CA); never generated here. */
export interface TlsFiles {
  certFile: string;
  keyFile: string;
}

export interface TlsMaterial {
  cert: Buffer;
  key: Buffer;
}

export class TlsConfigError extends Error {
  constructor(readonly key: string, message: string) {
    super(message);
  }
}

function readPem(file: string, what: string): Buffer {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (error) {
    throw new TlsConfigError('errors.tlsUnreadable', `Cannot read the TLS ${what} file ${file}: ${(error as Error).message}`);
  }
  if (!data.toString('latin1').includes('-----BEGIN ')) {
    throw new TlsConfigError('errors.tlsInvalid', `The TLS ${what} file ${file} is not in PEM format (it should start with -----BEGIN …)`);
  }
  return data;
}

/**
 * Reads and checks the pair before the server starts, so a wrong file is a clear message at
 * start-up rather than a handshake failure in every browser later.
 */
export function loadTls(files: TlsFiles): TlsMaterial {
  const cert = readPem(files.certFile, 'certificate');
  const key = readPem(files.keyFile, 'key');
  try {
    // Throws when the key is unreadable (e.g. encrypted) or does not belong to the certificate.
    createSecureContext({ cert, key });
  } catch (error) {
    throw new TlsConfigError('errors.tlsInvalid', `The TLS certificate and key do not work together: ${(error as Error).message}`);
  }
  return { cert, key };
}

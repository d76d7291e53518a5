/**
 * The two secrets: the session key (HMAC of session and reset tokens) and the
 * encryption key for personal data at rest. In production they come from the
 * environment (config refuses to start without them); elsewhere they are
 * generated once into the data folder so a first run needs nothing.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './config.ts';

export interface Secrets {
  sessionKey: Buffer;
  encryptionKey: Buffer;
}

interface StoredSecrets {
  sessionSecret: string;
  encryptionKey: string;
}

export function loadSecrets(config: Config): Secrets {
  if (config.sessionSecret !== undefined && config.encryptionKey !== undefined) {
    return {
      sessionKey: Buffer.from(config.sessionSecret, 'base64'),
      encryptionKey: Buffer.from(config.encryptionKey, 'base64'),
    };
  }
  const file = path.join(config.dataDir, 'secrets.json');
  let stored: StoredSecrets;
  if (existsSync(file)) {
    stored = JSON.parse(readFileSync(file, 'utf8')) as StoredSecrets;
  } else {
    mkdirSync(config.dataDir, { recursive: true });
    stored = {
      sessionSecret: randomBytes(32).toString('base64'),
      encryptionKey: randomBytes(32).toString('base64'),
    };
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return {
    sessionKey: Buffer.from(config.sessionSecret ?? stored.sessionSecret, 'base64'),
    encryptionKey: Buffer.from(config.encryptionKey ?? stored.encryptionKey, 'base64'),
  };
}

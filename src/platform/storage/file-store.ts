/**
 * Where uploaded files (signal photos) live. The database keeps their
 * metadata; the bytes go to a store. The local store writes below a folder
 * (NABIJ_UPLOADS_DIR, default <data dir>/uploads); an object store can take
 * its place behind the same interface when servers run on several machines.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface FileStore {
  put(key: string, bytes: Buffer): Promise<void>;
  /** Streams a large upload in; refuses (and keeps nothing) past `maxBytes`. Returns the size. */
  putStream(key: string, source: Readable, maxBytes: number): Promise<number>;
  get(key: string): Promise<Buffer | null>;
  /** Streams a file out from a byte offset (imports resume where they stopped). */
  openRead(key: string, start?: number): Readable;
  delete(key: string): Promise<void>;
}

export class FileTooLargeError extends Error {}

const SAFE_KEY = /^[a-z0-9][a-z0-9/_.-]{0,200}$/;

export function createLocalFileStore(root: string): FileStore {
  const resolve = (key: string) => {
    if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`Unsafe storage key: ${key}`);
    return path.join(root, key);
  };
  return {
    async put(key, bytes) {
      const target = resolve(key);
      await mkdir(path.dirname(target), { recursive: true });
      // Write then rename: a reader never sees half a file.
      const temporary = `${target}.${randomBytes(4).toString('hex')}.tmp`;
      await writeFile(temporary, bytes);
      await rename(temporary, target);
    },
    async putStream(key, source, maxBytes) {
      const target = resolve(key);
      await mkdir(path.dirname(target), { recursive: true });
      const temporary = `${target}.${randomBytes(4).toString('hex')}.tmp`;
      let size = 0;
      const limit = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          if (size > maxBytes) done(new FileTooLargeError(`more than ${maxBytes} bytes`));
          else done(null, chunk);
        },
      });
      try {
        await pipeline(source, limit, createWriteStream(temporary));
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      return size;
    },
    openRead(key, start = 0) {
      return createReadStream(resolve(key), { start, highWaterMark: 256 * 1024 });
    },
    async get(key) {
      try {
        return await readFile(resolve(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(resolve(key), { force: true });
    },
  };
}

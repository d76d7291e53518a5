/**
 * Makes an uploaded photo safe to keep: only JPEG, PNG or WebP (recognised by
 * their bytes, not by what the client claims), at most 10 MB and 40 million
 * pixels, turned upright, scaled to at most 2,048 pixels and re-encoded as
 * JPEG. Re-encoding drops every piece of metadata (EXIF with the GPS
 * position and the camera's serial number, XMP, comments).
 */
import sharp from 'sharp';
import { AppError } from '../../platform/errors/error-catalogue.ts';

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_PHOTOS = 3;
const MAX_SIDE = 2048;

export type ImageKind = 'jpeg' | 'png' | 'webp';

export function sniffImage(bytes: Buffer): ImageKind | null {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (
    bytes.length > 8 &&
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  ) {
    return 'png';
  }
  if (
    bytes.length > 12 &&
    bytes.toString('latin1', 0, 4) === 'RIFF' &&
    bytes.toString('latin1', 8, 12) === 'WEBP'
  ) {
    return 'webp';
  }
  return null;
}

export interface ProcessedPhoto {
  bytes: Buffer;
  contentType: 'image/jpeg';
  width: number;
  height: number;
}

export async function processPhoto(input: Buffer, index: number): Promise<ProcessedPhoto> {
  if (input.length > MAX_PHOTO_BYTES) throw new AppError('photo_too_large', { index: index + 1, max: 10 });
  if (!sniffImage(input)) throw new AppError('photo_type_unsupported', { index: index + 1 });
  try {
    const { data, info } = await sharp(input, { limitInputPixels: 40_000_000, failOn: 'error' })
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { bytes: data, contentType: 'image/jpeg', width: info.width, height: info.height };
  } catch {
    throw new AppError('photo_unreadable', { index: index + 1 });
  }
}

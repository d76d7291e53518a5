/**
 * Photos for a report, made ready in the browser: decoded (turned upright by
 * their orientation tag), scaled to at most 1,600 pixels on the longest side
 * and re-encoded as JPEG on a canvas. Re-encoding drops every piece of
 * metadata (the GPS position, the camera's serial number) before anything
 * leaves the phone; the server strips again. A smaller file also uploads
 * faster on a weak connection and fits in the saved draft.
 */
import type { PhotoDraft } from './report-form.ts';

export const MAX_PHOTOS = 3;
export const MAX_SIDE = 1600;
/** Files larger than this are refused before decoding (a phone photo is 2–12 MB). */
export const MAX_INPUT_BYTES = 40 * 1024 * 1024;
const QUALITY = 0.85;

export type PhotoProblem = 'not_image' | 'too_large' | 'unreadable';

export class PhotoError extends Error {
  constructor(readonly problem: PhotoProblem) {
    super(problem);
    this.name = 'PhotoError';
  }
}

/** The file's bytes in base64 (as the API takes photos). */
export function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(blob);
  });
}

export async function preparePhoto(file: File): Promise<PhotoDraft> {
  if (file.type && !file.type.startsWith('image/')) throw new PhotoError('not_image');
  if (file.size > MAX_INPUT_BYTES) throw new PhotoError('too_large');
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new PhotoError(file.type ? 'unreadable' : 'not_image');
  }
  try {
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new PhotoError('unreadable');
    // JPEG has no transparency: a transparent PNG gets a white background, not a black one.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    context.drawImage(bitmap, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY));
    if (!blob) throw new PhotoError('unreadable');
    return { data: await blobToBase64(blob), width, height, name: file.name };
  } finally {
    bitmap.close();
  }
}

/** A data: URL to preview a prepared photo (allowed by the site's content policy). */
export function photoPreview(photo: PhotoDraft): string {
  return `data:image/jpeg;base64,${photo.data}`;
}

/** Approximate size of a prepared photo in kB. */
export function photoKilobytes(photo: PhotoDraft): number {
  return Math.round((photo.data.length * 3) / 4 / 1024);
}

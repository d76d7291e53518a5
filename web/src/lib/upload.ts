/**
 * Sends a file as the raw body of a request (a CSV of incidents can be a
 * gigabyte: never read into memory, never wrapped in JSON), with the
 * session's CSRF token and the interface language as api.ts sends them,
 * and reports how much has gone. XMLHttpRequest, because fetch cannot tell
 * upload progress. Errors become ApiError, as with api.ts.
 */
import { ApiError, type ErrorDetail } from './api.ts';
import { i18n } from './i18n.svelte.ts';
import { session } from './session.svelte.ts';

export interface UploadOptions {
  method?: 'PUT' | 'POST';
  contentType: string;
  /** Bytes sent so far, of the total. */
  onProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
}

function errorOf(status: number, text: string, statusText: string): ApiError {
  let error: { code?: string; message?: string; details?: ErrorDetail[] } | undefined;
  try {
    error = (JSON.parse(text) as { error?: typeof error } | null)?.error;
  } catch {
    error = undefined;
  }
  return new ApiError(status, error?.code ?? 'internal', error?.message ?? statusText, error?.details ?? []);
}

export function uploadFile<T>(path: string, file: Blob, options: UploadOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(options.method ?? 'PUT', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', i18n.language);
    xhr.setRequestHeader('content-type', options.contentType);
    const token = session.current.csrfToken;
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (event) => {
      options.onProgress?.(event.loaded, event.lengthComputable ? event.total : file.size);
    };
    xhr.onload = () => {
      const text = xhr.responseText;
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve((text ? JSON.parse(text) : undefined) as T);
        } catch {
          reject(new ApiError(xhr.status, 'internal', xhr.statusText));
        }
      } else {
        reject(errorOf(xhr.status, text, xhr.statusText));
      }
    };
    xhr.onerror = () => {
      reject(new ApiError(0, 'network', i18n.messages['web.error.network'] ?? 'The connection failed.'));
    };
    xhr.onabort = () => {
      reject(new DOMException('The upload was stopped.', 'AbortError'));
    };
    if (options.signal) {
      if (options.signal.aborted) {
        reject(new DOMException('The upload was stopped.', 'AbortError'));
        return;
      }
      options.signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    xhr.send(file);
  });
}

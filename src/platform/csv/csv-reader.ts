/**
 * A streaming CSV reader (RFC 4180: quoted fields, doubled quotes, line
 * breaks inside quotes, CRLF or LF) that works on bytes, so it can report the
 * exact byte offset after each record: an interrupted import resumes there.
 * The delimiter is a comma or a semicolon (what Belgian spreadsheets write),
 * found from the header. Memory stays bounded: one chunk and one record.
 */
import type { Readable } from 'node:stream';

export interface CsvRecord {
  /** Line number (1-based) where the record starts in the file. */
  line: number;
  fields: string[];
  /** Byte offset just after this record (where reading can resume). */
  endOffset: number;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export function detectDelimiter(headerLine: string): ',' | ';' {
  const commas = (headerLine.match(/,/g) ?? []).length;
  const semicolons = (headerLine.match(/;/g) ?? []).length;
  return semicolons > commas ? ';' : ',';
}

interface Parsed {
  fields: string[];
  /** Index just after the record's line break (or the end at EOF). */
  next: number;
  /** Line breaks inside the record (quoted), plus the one ending it. */
  lines: number;
}

function decodeField(buffer: Buffer, start: number, end: number): string {
  if (buffer[start] === QUOTE) {
    const inner = buffer.toString(
      'utf8',
      start + 1,
      end > start + 1 && buffer[end - 1] === QUOTE ? end - 1 : end,
    );
    return inner.includes('""') ? inner.replace(/""/g, '"') : inner;
  }
  return buffer.toString('utf8', start, end);
}

/** One record from `start`, or null when the buffer ends first (unless `atEnd`). */
function parseRecord(buffer: Buffer, start: number, delimiter: number, atEnd: boolean): Parsed | null {
  const fields: string[] = [];
  let fieldStart = start;
  let inQuotes = false;
  let lines = 0;
  for (let i = start; i < buffer.length; i += 1) {
    const byte = buffer[i];
    if (inQuotes) {
      if (byte === QUOTE) {
        if (i + 1 >= buffer.length && !atEnd) return null; // is it "" or the closing quote?
        if (buffer[i + 1] === QUOTE) i += 1;
        else inQuotes = false;
      } else if (byte === LF) lines += 1;
      continue;
    }
    if (byte === QUOTE && i === fieldStart) inQuotes = true;
    else if (byte === delimiter) {
      fields.push(decodeField(buffer, fieldStart, i));
      fieldStart = i + 1;
    } else if (byte === LF || byte === CR) {
      let next = i + 1;
      if (byte === CR) {
        if (next >= buffer.length && !atEnd) return null;
        if (buffer[next] === LF) next += 1;
      }
      fields.push(decodeField(buffer, fieldStart, i));
      return { fields, next, lines: lines + 1 };
    }
  }
  if (!atEnd) return null;
  fields.push(decodeField(buffer, fieldStart, buffer.length));
  return { fields, next: buffer.length, lines: 0 };
}

/**
 * Reads records from `stream`. `startOffset` and `startLine` say where the
 * stream begins in the file (for resuming); pass the `delimiter` then, since
 * the header is not in the stream.
 */
export async function* readCsv(
  stream: Readable,
  options: { delimiter?: ',' | ';'; startOffset?: number; startLine?: number } = {},
): AsyncGenerator<CsvRecord> {
  let delimiter = options.delimiter ? options.delimiter.charCodeAt(0) : -1;
  let pending: Buffer = Buffer.alloc(0);
  let pendingStart = options.startOffset ?? 0;
  let line = options.startLine ?? 1;
  const emit = function* (buffer: Buffer, bufferStart: number, atEnd: boolean) {
    let position = 0;
    while (position < buffer.length) {
      const parsed = parseRecord(buffer, position, delimiter, atEnd);
      if (!parsed) break;
      const blank = parsed.fields.length === 1 && parsed.fields[0] === '';
      if (!blank) yield { line, fields: parsed.fields, endOffset: bufferStart + parsed.next };
      line += parsed.lines;
      position = parsed.next;
    }
    return position;
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let buffer = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
    let bufferStart = pendingStart;
    if (
      bufferStart === 0 &&
      buffer.length >= 3 &&
      buffer[0] === 0xef &&
      buffer[1] === 0xbb &&
      buffer[2] === 0xbf
    ) {
      buffer = buffer.subarray(3);
      bufferStart = 3;
    }
    if (delimiter < 0) {
      const newline = buffer.indexOf(LF);
      if (newline < 0) {
        pending = buffer;
        pendingStart = bufferStart;
        continue;
      }
      delimiter = detectDelimiter(buffer.toString('utf8', 0, newline)).charCodeAt(0);
    }
    const consumed = yield* emit(buffer, bufferStart, false);
    pending = buffer.subarray(consumed);
    pendingStart = bufferStart + consumed;
  }
  if (pending.length > 0) {
    if (delimiter < 0) delimiter = detectDelimiter(pending.toString('utf8')).charCodeAt(0);
    yield* emit(pending, pendingStart, true);
  }
}

/** The delimiter a file uses, from its first line. */
export function delimiterOf(firstBytes: Buffer): ',' | ';' {
  const newline = firstBytes.indexOf(LF);
  return detectDelimiter(firstBytes.toString('utf8', 0, newline < 0 ? firstBytes.length : newline));
}

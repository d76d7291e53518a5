import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readCsv, type CsvRecord } from './csv-reader.ts';

async function all(text: string | Buffer, chunkSize = 3, options = {}): Promise<CsvRecord[]> {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  const records: CsvRecord[] = [];
  for await (const record of readCsv(Readable.from(chunks), options)) records.push(record);
  return records;
}

describe('reading CSV as a stream', () => {
  it('reads quoted fields, doubled quotes, line breaks in quotes, CRLF and a last line without newline', async () => {
    const text = 'a,b,c\r\n1,"x, ""y""",3\n2,"two\nlines",4\r\n5,é,6';
    for (const size of [1, 2, 3, 7, 1000]) {
      const records = await all(text, size);
      expect(records.map((r) => r.fields)).toEqual([
        ['a', 'b', 'c'],
        ['1', 'x, "y"', '3'],
        ['2', 'two\nlines', '4'],
        ['5', 'é', '6'],
      ]);
      expect(records.map((r) => r.line)).toEqual([1, 2, 3, 5]);
    }
  });

  it('gives byte offsets from which reading resumes exactly', async () => {
    const text = 'id;name\n1;"Brugse Poort – Rooigem"\n2;"quote "" inside"\n3;Ledeberg\n';
    const records = await all(text, 4);
    expect(records.map((r) => r.fields[1])).toEqual([
      'name',
      'Brugse Poort – Rooigem',
      'quote " inside',
      'Ledeberg',
    ]);
    const second = records[1] as CsvRecord;
    const bytes = Buffer.from(text, 'utf8');
    const rest = await all(bytes.subarray(second.endOffset), 5, {
      delimiter: ';',
      startOffset: second.endOffset,
      startLine: 3,
    });
    expect(rest.map((r) => r.fields)).toEqual([
      ['2', 'quote " inside'],
      ['3', 'Ledeberg'],
    ]);
    expect(rest.map((r) => r.endOffset)).toEqual(records.slice(2).map((r) => r.endOffset));
    expect(records.at(-1)?.endOffset).toBe(bytes.length);
  });

  it('skips a byte-order mark and blank lines, and detects the semicolon', async () => {
    const text = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a;b\n\n1;2\n')]);
    const records = await all(text, 2);
    expect(records.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});

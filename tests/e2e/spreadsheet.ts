import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

// A real spreadsheet (LibreOffice, headless) opening a report and saving it
// again, as a clerk does in Excel; and files no spreadsheet should open.

/** LibreOffice's filters for saving: a workbook, CSV in UTF-8, CSV in Shift_JIS (Japanese Excel's default). */
export const XLSX = 'xlsx:Calc MS Excel 2007 XML';
export const CSV_UTF8 = 'csv:Text - txt - csv (StarCalc):44,34,76';
export const CSV_SHIFT_JIS = 'csv:Text - txt - csv (StarCalc):44,34,60';

/// LibreOffice headless opens `name` and saves it as `to` (a filter string);
/// every column of a CSV is read as text, as a careful clerk would.
export function resave(name: string, bytes: Buffer, to: string, extension: string): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'report-'));
  try {
    writeFileSync(join(dir, name), bytes);
    const textColumns = Array.from({ length: 12 }, (_, i) => `${i + 1}/2`).join('/');
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, `--infilter=CSV:44,34,76,1,${textColumns}`, '--convert-to', to, '--outdir', join(dir, 'out'), join(dir, name)], { timeout: 120_000, stdio: 'pipe' });
    const out = readdirSync(join(dir, 'out')).find((f) => f.endsWith(`.${extension}`))!;
    return readFileSync(join(dir, 'out', out));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A zip shaped like a workbook whose one part, as the zip's directory
 *  declares, inflates to `size` bytes: a few hundred kilobytes on disk. */
export function zipBomb(size: number): Buffer {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const data = Buffer.alloc(size, 0x20);
  const packed = deflateRawSync(data, { level: 9 });
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  const directoryAt = local.length + name.length + packed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(directoryAt, 16);
  return Buffer.concat([local, name, packed, central, name, end]);
}

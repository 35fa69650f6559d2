// The sample files a person "attaches" on the sandbox page: a picture (as from a phone's camera at the site) and a
// one-page PDF report. Made here, byte for byte, so the repository holds no binaries and every send is a real file the
// platform stores and the bot handles as it would any other.
import { crc32, deflateSync } from 'node:zlib';

export interface SampleFile {
  bytes: Buffer;
  filename: string;
  mime: string;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed) >>> 0);
  return Buffer.concat([length, typed, crc]);
}

/** A 320×200 RGB picture: a sky, a green field and a yellow-roofed building, enough to look like a photo. */
export function samplePhoto(): SampleFile {
  const width = 320;
  const height = 200;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3); // filter byte 0, then RGB
    for (let x = 0; x < width; x++) {
      let rgb: [number, number, number];
      const inHouse = x > 110 && x < 210 && y > 80 && y < 150;
      const inRoof = y >= 50 && y <= 80 && Math.abs(x - 160) < (y - 50) * 2 + 10;
      if (inRoof) rgb = [214, 170, 40];
      else if (inHouse) rgb = x > 150 && x < 170 && y > 115 ? [120, 70, 30] : [235, 228, 210];
      else if (y < 130) rgb = [110 + Math.floor(y / 2), 170 + Math.floor(y / 4), 235];
      else rgb = [60, 140 + ((x * 7 + y * 3) % 40), 60];
      row.set(rgb, 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, deflate, no filter method, no interlace
  const bytes = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
  return { bytes, filename: 'anh-hien-truong.png', mime: 'image/png' };
}

/** A one-page PDF (PDF 1.4, Helvetica, ASCII text: the standard fonts carry no Vietnamese letters). */
export function sampleDocument(): SampleFile {
  const lines = ['BAO CAO TIEN DO (MAU)', 'Tai lieu mau cua moi truong thu nghiem dondoc.', 'Noi dung: da hoan thanh 70% khoi luong cong viec.'];
  const text = lines.map((l, i) => `BT /F1 ${i === 0 ? 18 : 12} Tf 72 ${760 - i * 28} Td (${l}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return { bytes: Buffer.from(body, 'latin1'), filename: 'bao-cao-tien-do-mau.pdf', mime: 'application/pdf' };
}

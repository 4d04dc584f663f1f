// Renders build/icon.svg into the icons electron-builder uses, with rsvg-convert
// (apt-get install librsvg2-bin) and no other tools:
//   icon.png   1024×1024 (Linux, and the source electron-builder falls back to)
//   icon.ico   16–256 px, PNG-compressed entries (Windows Vista and later)
//   icon.icns  16–1024 px, PNG entries (macOS)
// Run: node build/make-icons.mjs — then commit the three files.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (name) => fileURLToPath(new URL(name, import.meta.url));
const render = (size) =>
  execFileSync('rsvg-convert', ['-w', String(size), '-h', String(size), here('icon.svg')]);

const ico = (sizes) => {
  const images = sizes.map((size) => ({ size, png: render(size) }));
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, entry); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt8(0, entry + 2); // palette
    header.writeUInt8(0, entry + 3);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.png)]);
};

const icns = (types) => {
  const chunks = types.map(([type, size]) => {
    const png = render(size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
};

writeFileSync(here('icon.png'), render(1024));
writeFileSync(here('icon.ico'), ico([16, 24, 32, 48, 64, 128, 256]));
writeFileSync(
  here('icon.icns'),
  icns([
    ['icp4', 16],
    ['icp5', 32],
    ['icp6', 64],
    ['ic07', 128],
    ['ic08', 256],
    ['ic09', 512],
    ['ic10', 1024],
    ['ic11', 32],
    ['ic12', 64],
    ['ic13', 256],
    ['ic14', 512],
  ]),
);
console.log('wrote build/icon.png, build/icon.ico, build/icon.icns');

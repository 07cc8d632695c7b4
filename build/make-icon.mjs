// Draws the app icon (build/icon.png, 512x512 RGBA) without any image library: a dark rounded
// square holding a clock face whose hand is a check mark, the exercise clock and the runbook.
// Run `npm run icon` after changing it; electron-builder derives the .ico and .icns from the PNG.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SIZE = 512;
const SAMPLES = 4; // per axis, for anti-aliased edges

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const BACKGROUND = [17, 19, 24];
const RING = [242, 153, 74];
const CHECK = [111, 207, 151];

function distanceToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The colour at a point, or null outside the rounded square. */
function shade(x, y) {
  const r = 96; // corner radius
  const m = 16; // margin
  const cx = Math.min(Math.max(x, m + r), SIZE - m - r);
  const cy = Math.min(Math.max(y, m + r), SIZE - m - r);
  if (Math.hypot(x - cx, y - cy) > r) return null;
  const d = Math.hypot(x - 256, y - 256);
  if (d > 150 && d < 186) return RING;
  for (let i = 0; i < 12; i += 1) {
    const a = (i * Math.PI) / 6;
    if (distanceToSegment(x, y, 256 + Math.sin(a) * 196, 256 - Math.cos(a) * 196, 256 + Math.sin(a) * 212, 256 - Math.cos(a) * 212) < 7) return RING;
  }
  if (distanceToSegment(x, y, 190, 262, 240, 314) < 22 || distanceToSegment(x, y, 240, 314, 336, 196) < 22) return CHECK;
  return BACKGROUND;
}

export function drawIcon() {
  const rgba = Buffer.alloc(SIZE * SIZE * 4);
  for (let y = 0; y < SIZE; y += 1) {
    for (let x = 0; x < SIZE; x += 1) {
      let red = 0;
      let green = 0;
      let blue = 0;
      let alpha = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const colour = shade(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
          if (!colour) continue;
          red += colour[0];
          green += colour[1];
          blue += colour[2];
          alpha += 1;
        }
      }
      const o = (y * SIZE + x) * 4;
      if (alpha > 0) {
        rgba[o] = Math.round(red / alpha);
        rgba[o + 1] = Math.round(green / alpha);
        rgba[o + 2] = Math.round(blue / alpha);
        rgba[o + 3] = Math.round((alpha * 255) / (SAMPLES * SAMPLES));
      }
    }
  }
  return encodePng(SIZE, SIZE, rgba);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const target = fileURLToPath(new URL('./icon.png', import.meta.url));
  writeFileSync(target, drawIcon());
  console.log(`Wrote ${target}`);
}

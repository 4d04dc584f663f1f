// YUV4MPEG2 (4:2:0) writer/reader: the format Chromium's --use-file-for-fake-video-capture plays,
// looping at the end of the file.
import type { RgbImage } from './decode-image';

export interface Y4mHeader {
  width: number;
  height: number;
  fps: number;
}

export function y4mHeader({ width, height, fps }: Y4mHeader): Uint8Array {
  if (width % 2 !== 0 || height % 2 !== 0) throw new Error('4:2:0 needs even width and height');
  return new TextEncoder().encode(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`);
}

const clamp = (v: number): number => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));

/** One "FRAME" record: BT.601 studio-range Y, Cb, Cr planes with 2×2-averaged chroma. */
export function y4mFrame(image: RgbImage): Uint8Array {
  const { width: w, height: h, data } = image;
  const marker = new TextEncoder().encode('FRAME\n');
  const ySize = w * h;
  const cSize = (w / 2) * (h / 2);
  const out = new Uint8Array(marker.length + ySize + 2 * cSize);
  out.set(marker, 0);
  const yOff = marker.length;
  const uOff = yOff + ySize;
  const vOff = uOff + cSize;
  for (let p = 0; p < ySize; p++) {
    const r = data[p * 3] ?? 0;
    const g = data[p * 3 + 1] ?? 0;
    const b = data[p * 3 + 2] ?? 0;
    out[yOff + p] = clamp(16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255);
  }
  for (let cy = 0; cy < h / 2; cy++) {
    for (let cx = 0; cx < w / 2; cx++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const) {
        const p = ((cy * 2 + dy) * w + cx * 2 + dx) * 3;
        r += data[p] ?? 0;
        g += data[p + 1] ?? 0;
        b += data[p + 2] ?? 0;
      }
      r /= 4 * 255;
      g /= 4 * 255;
      b /= 4 * 255;
      out[uOff + cy * (w / 2) + cx] = clamp(128 - 37.797 * r - 74.203 * g + 112 * b);
      out[vOff + cy * (w / 2) + cx] = clamp(128 + 112 * r - 93.786 * g - 18.214 * b);
    }
  }
  return out;
}

/** Parses a file written by {@link y4mHeader}/{@link y4mFrame} back to RGB frames (for tests). */
export function readY4m(bytes: Uint8Array): { header: Y4mHeader; frames: RgbImage[] } {
  const newline = bytes.indexOf(0x0a);
  const line = new TextDecoder().decode(bytes.subarray(0, newline));
  const tag = (c: string): string =>
    line
      .split(' ')
      .find((t) => t.startsWith(c))
      ?.slice(1) ?? '';
  if (!line.startsWith('YUV4MPEG2 ') || !tag('C').startsWith('420')) throw new Error('not a 4:2:0 Y4M file');
  const width = Number(tag('W'));
  const height = Number(tag('H'));
  const fps = Number(tag('F').split(':')[0]);
  const ySize = width * height;
  const cSize = ySize / 4;
  const frames: RgbImage[] = [];
  let pos = newline + 1;
  while (pos < bytes.length) {
    const eol = bytes.indexOf(0x0a, pos);
    if (eol < 0 || new TextDecoder().decode(bytes.subarray(pos, pos + 5)) !== 'FRAME')
      throw new Error('bad FRAME');
    pos = eol + 1;
    const data = new Uint8Array(ySize * 3);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const Y = ((bytes[pos + y * width + x] ?? 16) - 16) * (255 / 219);
        const c = (y >> 1) * (width / 2) + (x >> 1);
        const U = ((bytes[pos + ySize + c] ?? 128) - 128) * (255 / 224);
        const V = ((bytes[pos + ySize + cSize + c] ?? 128) - 128) * (255 / 224);
        const o = (y * width + x) * 3;
        data[o] = clamp(Y + 1.402 * V);
        data[o + 1] = clamp(Y - 0.344136 * U - 0.714136 * V);
        data[o + 2] = clamp(Y + 1.772 * U);
      }
    }
    frames.push({ width, height, data });
    pos += ySize + 2 * cSize;
  }
  return { header: { width, height, fps }, frames };
}

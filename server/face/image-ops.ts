// Small pixel operations on decoded RGB images, used to derive test photos and fake-camera frames.
// Not used on the verification path (the engine consumes decoded frames as they are).
import type { RgbImage } from './decode-image';

export function blankImage(
  width: number,
  height: number,
  rgb: [number, number, number] = [0, 0, 0],
): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < data.length; i += 3) {
    data[i] = rgb[0];
    data[i + 1] = rgb[1];
    data[i + 2] = rgb[2];
  }
  return { width, height, data };
}

function clampByte(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
}

/** Bilinear sample at a real-valued position; outside the image the nearest edge pixel is used. */
export function sample(image: RgbImage, x: number, y: number, out: number[]): void {
  const cx = Math.min(Math.max(x, 0), image.width - 1);
  const cy = Math.min(Math.max(y, 0), image.height - 1);
  const x0 = Math.floor(cx);
  const y0 = Math.floor(cy);
  const x1 = Math.min(x0 + 1, image.width - 1);
  const y1 = Math.min(y0 + 1, image.height - 1);
  const fx = cx - x0;
  const fy = cy - y0;
  const d = image.data;
  for (let c = 0; c < 3; c++) {
    const a = d[(y0 * image.width + x0) * 3 + c] ?? 0;
    const b = d[(y0 * image.width + x1) * 3 + c] ?? 0;
    const e = d[(y1 * image.width + x0) * 3 + c] ?? 0;
    const f = d[(y1 * image.width + x1) * 3 + c] ?? 0;
    out[c] = (a * (1 - fx) + b * fx) * (1 - fy) + (e * (1 - fx) + f * fx) * fy;
  }
}

/**
 * Builds a width×height image where output pixel (x, y) takes the source colour at map(x, y).
 * Every geometric operation below is one of these maps.
 */
export function remap(
  source: RgbImage,
  width: number,
  height: number,
  map: (x: number, y: number) => [number, number],
): RgbImage {
  const out = blankImage(width, height);
  const px = [0, 0, 0];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [sx, sy] = map(x + 0.5, y + 0.5);
      sample(source, sx - 0.5, sy - 0.5, px);
      const o = (y * width + x) * 3;
      out.data[o] = clampByte(px[0] ?? 0);
      out.data[o + 1] = clampByte(px[1] ?? 0);
      out.data[o + 2] = clampByte(px[2] ?? 0);
    }
  }
  return out;
}

/** Crops the rectangle [x, y, w, h] (may extend past the edges) and scales it to outW×outH. */
export function cropResize(
  source: RgbImage,
  rect: [number, number, number, number],
  outW: number,
  outH: number,
): RgbImage {
  const [x, y, w, h] = rect;
  // Area-average first when shrinking a lot, so bilinear sampling does not alias.
  const factor = Math.floor(Math.min(w / outW, h / outH));
  const src = factor >= 2 ? boxDownscale(source, factor) : source;
  const s = factor >= 2 ? factor : 1;
  return remap(src, outW, outH, (ox, oy) => [(x + (ox * w) / outW) / s, (y + (oy * h) / outH) / s]);
}

/** Shrinks by an integer factor, averaging each factor×factor block. */
export function boxDownscale(source: RgbImage, factor: number): RgbImage {
  const w = Math.floor(source.width / factor);
  const h = Math.floor(source.height / factor);
  const out = blankImage(w, h);
  const n = factor * factor;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < 3; c++) {
        let sum = 0;
        for (let dy = 0; dy < factor; dy++) {
          const row = (y * factor + dy) * source.width;
          for (let dx = 0; dx < factor; dx++) sum += source.data[(row + x * factor + dx) * 3 + c] ?? 0;
        }
        out.data[(y * w + x) * 3 + c] = Math.round(sum / n);
      }
    }
  }
  return out;
}

export function flipHorizontal(source: RgbImage): RgbImage {
  return remap(source, source.width, source.height, (x, y) => [source.width - x, y]);
}

/** Multiplies every channel by gain and adds offset (a crude lighting change). */
export function adjustLevels(source: RgbImage, gain: number, offset: number): RgbImage {
  const data = new Uint8Array(source.data.length);
  for (let i = 0; i < data.length; i++) data[i] = clampByte((source.data[i] ?? 0) * gain + offset);
  return { width: source.width, height: source.height, data };
}

/** Copies `tile` into `canvas` with its top-left corner at (x, y), clipping at the edges. */
export function paste(canvas: RgbImage, tile: RgbImage, x: number, y: number): void {
  for (let ty = 0; ty < tile.height; ty++) {
    const cy = y + ty;
    if (cy < 0 || cy >= canvas.height) continue;
    for (let tx = 0; tx < tile.width; tx++) {
      const cx = x + tx;
      if (cx < 0 || cx >= canvas.width) continue;
      const s = (ty * tile.width + tx) * 3;
      const d = (cy * canvas.width + cx) * 3;
      canvas.data[d] = tile.data[s] ?? 0;
      canvas.data[d + 1] = tile.data[s + 1] ?? 0;
      canvas.data[d + 2] = tile.data[s + 2] ?? 0;
    }
  }
}

// Decodes uploaded JPEG/PNG bytes to RGB pixels with pure-JS decoders (no native tfjs-node).
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

export interface RgbImage {
  width: number;
  height: number;
  /** Row-major RGB, 3 bytes per pixel. */
  data: Uint8Array;
}

/** Thrown for bytes that are not a decodable JPEG/PNG of acceptable size. */
export class NotAnImageError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'NotAnImageError';
  }
}

// Caps keep a hostile upload (decompression bomb) from exhausting memory; a camera frame or an ID
// photo is far below them.
export const MAX_IMAGE_SIDE = 4096;
const MAX_MEGAPIXELS = 16;
const MAX_DECODE_MB = 256;

export type ImageFormat = 'jpeg' | 'png';

export function sniffImageFormat(bytes: Uint8Array): ImageFormat | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  const pngMagic = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && pngMagic.every((b, i) => bytes[i] === b)) return 'png';
  return undefined;
}

function rgbaToRgb(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height * 3);
  for (let i = 0, o = 0; o < out.length; i += 4, o += 3) {
    out[o] = rgba[i] ?? 0;
    out[o + 1] = rgba[i + 1] ?? 0;
    out[o + 2] = rgba[i + 2] ?? 0;
  }
  return out;
}

function checkSize(width: number, height: number): void {
  if (width < 1 || height < 1) throw new NotAnImageError('empty image');
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
    throw new NotAnImageError(`image larger than ${MAX_IMAGE_SIDE}px on a side`);
  }
}

function readPngSize(bytes: Uint8Array): { width: number; height: number } {
  // IHDR is always the first chunk: width and height are big-endian at offsets 16 and 20.
  if (bytes.length < 24) throw new NotAnImageError('truncated PNG');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

export function decodeImage(bytes: Uint8Array): RgbImage {
  const format = sniffImageFormat(bytes);
  if (format === undefined) throw new NotAnImageError('not a JPEG or PNG');
  try {
    if (format === 'jpeg') {
      const img = jpeg.decode(bytes, {
        useTArray: true,
        formatAsRGBA: false,
        maxResolutionInMP: MAX_MEGAPIXELS,
        maxMemoryUsageInMB: MAX_DECODE_MB,
      });
      checkSize(img.width, img.height);
      return { width: img.width, height: img.height, data: img.data };
    }
    const size = readPngSize(bytes);
    checkSize(size.width, size.height);
    const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return { width: png.width, height: png.height, data: rgbaToRgb(png.data, png.width, png.height) };
  } catch (err) {
    if (err instanceof NotAnImageError) throw err;
    throw new NotAnImageError(`undecodable ${format}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Encodes RGB pixels as PNG (used for test fixtures and the fake camera, not in verification). */
export function encodePng(image: RgbImage): Uint8Array {
  const png = new PNG({ width: image.width, height: image.height });
  for (let p = 0, o = 0; p < image.width * image.height; p++, o += 4) {
    png.data[o] = image.data[p * 3] ?? 0;
    png.data[o + 1] = image.data[p * 3 + 1] ?? 0;
    png.data[o + 2] = image.data[p * 3 + 2] ?? 0;
    png.data[o + 3] = 255;
  }
  return new Uint8Array(PNG.sync.write(png));
}

/** Encodes RGB pixels as baseline JPEG. */
export function encodeJpeg(image: RgbImage, quality = 90): Uint8Array {
  const rgba = new Uint8Array(image.width * image.height * 4);
  for (let p = 0; p < image.width * image.height; p++) {
    rgba[p * 4] = image.data[p * 3] ?? 0;
    rgba[p * 4 + 1] = image.data[p * 3 + 1] ?? 0;
    rgba[p * 4 + 2] = image.data[p * 3 + 2] ?? 0;
    rgba[p * 4 + 3] = 255;
  }
  const out = jpeg.encode({ data: rgba, width: image.width, height: image.height }, quality);
  return new Uint8Array(out.data);
}

import { describe, expect, it } from 'vitest';
import {
  decodeImage,
  encodeJpeg,
  encodePng,
  NotAnImageError,
  sniffImageFormat,
  type RgbImage,
} from './decode-image';

const gradient = (width: number, height: number): RgbImage => {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 3;
      data[o] = (x * 255) / (width - 1);
      data[o + 1] = (y * 255) / (height - 1);
      data[o + 2] = 128;
    }
  }
  return { width, height, data };
};

const maxDiff = (a: RgbImage, b: RgbImage): number => {
  let m = 0;
  for (let i = 0; i < a.data.length; i++) m = Math.max(m, Math.abs((a.data[i] ?? 0) - (b.data[i] ?? 0)));
  return m;
};

describe('decodeImage', () => {
  it('round-trips PNG exactly and JPEG closely', () => {
    const img = gradient(64, 48);
    expect(decodeImage(encodePng(img))).toEqual(img);
    const jpeg = decodeImage(encodeJpeg(img, 95));
    expect([jpeg.width, jpeg.height]).toEqual([64, 48]);
    expect(maxDiff(jpeg, img)).toBeLessThan(16);
  });

  it('recognises formats by their magic bytes, not by what the sender claims', () => {
    expect(sniffImageFormat(encodePng(gradient(4, 4)))).toBe('png');
    expect(sniffImageFormat(encodeJpeg(gradient(4, 4)))).toBe('jpeg');
    expect(sniffImageFormat(new TextEncoder().encode('GIF89a'))).toBeUndefined();
  });

  it('refuses non-images, truncated images and oversized images as NotAnImageError', () => {
    expect(() => decodeImage(new TextEncoder().encode('%PDF-1.7 not a face'))).toThrow(NotAnImageError);
    expect(() => decodeImage(new Uint8Array(0))).toThrow(NotAnImageError);
    const jpeg = encodeJpeg(gradient(32, 32));
    expect(() => decodeImage(jpeg.subarray(0, 40))).toThrow(NotAnImageError);
    const png = encodePng(gradient(8, 8));
    // Rewrite the IHDR width to 100 000 px: refused before any pixel is inflated.
    const huge = png.slice();
    new DataView(huge.buffer).setUint32(16, 100_000);
    expect(() => decodeImage(huge)).toThrow(/larger than/);
  });
});

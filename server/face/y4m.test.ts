import { describe, expect, it } from 'vitest';
import type { RgbImage } from './decode-image';
import { readY4m, y4mFrame, y4mHeader } from './y4m';

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

describe('y4m', () => {
  it('writes a 4:2:0 header and frames that read back to nearly the same colours', () => {
    const img = gradient(32, 16);
    const header = new TextDecoder().decode(y4mHeader({ width: 32, height: 16, fps: 10 }));
    expect(header).toBe('YUV4MPEG2 W32 H16 F10:1 Ip A1:1 C420jpeg\n');
    const file = new Uint8Array([
      ...y4mHeader({ width: 32, height: 16, fps: 10 }),
      ...y4mFrame(img),
      ...y4mFrame(img),
    ]);
    expect(file.length).toBe(header.length + 2 * ('FRAME\n'.length + 32 * 16 * 1.5));
    const back = readY4m(file);
    expect(back.header).toEqual({ width: 32, height: 16, fps: 10 });
    expect(back.frames).toHaveLength(2);
    // Chroma is shared by 2×2 pixels, so neighbouring gradient steps blur by a few levels.
    expect(maxDiff(back.frames[0] ?? img, img)).toBeLessThan(24);
  });

  it('refuses odd sizes, which 4:2:0 cannot represent', () => {
    expect(() => y4mHeader({ width: 33, height: 16, fps: 10 })).toThrow();
  });
});

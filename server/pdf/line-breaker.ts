import type { CjkFonts, FontFace, FontWeight } from './cjk-font';

/**
 * Line breaking for mixed Chinese/Latin text: a break is allowed between any two CJK
 * characters and at spaces between Latin words; closing punctuation never starts a line (it
 * hangs into the margin, 悬挂标点) and opening punctuation never ends one.
 */

export type Token = { text: string; face: FontFace; width: number; space: boolean };
/** `indent`: blank space before the first token (首行缩进); `width` includes it. */
export type Line = { tokens: Token[]; width: number; indent: number };

const CLOSING = new Set([...'，。、；：？！）》」』】〕〉”’…—%％,.;:?!)]}']);
const OPENING = new Set([...'（《「『【〔〈“‘([{']);

export class TextMeasurer {
  private readonly cache = new Map<string, number>();
  constructor(readonly fonts: CjkFonts) {}

  /** Width in points of `text` drawn with `face` at `size`, as pdfkit will lay it out. */
  width(text: string, face: FontFace, size: number): number {
    const key = `${face.key}\u0000${text}`;
    let units = this.cache.get(key);
    if (units === undefined) {
      units = face.font.layout(text).advanceWidth / face.font.unitsPerEm;
      this.cache.set(key, units);
    }
    return units * size;
  }

  /** Splits one paragraph (no newlines) into measured tokens. */
  tokens(text: string, weight: FontWeight, size: number): Token[] {
    const out: Token[] = [];
    for (const run of this.fonts.runs(text.replace(/\t/g, ' '), weight)) {
      // Within a run: each CJK character, each space and each Latin word is a token.
      const parts = run.text.match(/ +|[^ \u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+|./gu) ?? [];
      for (const part of parts) {
        out.push({
          text: part,
          face: run.face,
          width: this.width(part, run.face, size),
          space: part.startsWith(' '),
        });
      }
    }
    return out;
  }
}

const splitLongToken = (t: Token, maxWidth: number, m: TextMeasurer, size: number): Token[] => {
  const out: Token[] = [];
  let current = '';
  for (const ch of t.text) {
    const next = current + ch;
    if (current !== '' && m.width(next, t.face, size) > maxWidth) {
      out.push({ ...t, text: current, width: m.width(current, t.face, size) });
      current = ch;
    } else current = next;
  }
  if (current !== '') out.push({ ...t, text: current, width: m.width(current, t.face, size) });
  return out;
};

const trimSpaces = (tokens: Token[]): Token[] => {
  let start = 0;
  let end = tokens.length;
  while (start < end && tokens[start]?.space) start += 1;
  while (end > start && tokens[end - 1]?.space) end -= 1;
  return tokens.slice(start, end);
};

const lineOf = (tokens: Token[], indent: number): Line => {
  const trimmed = trimSpaces(tokens);
  return { tokens: trimmed, width: indent + trimmed.reduce((w, t) => w + t.width, 0), indent };
};

export const breakLines = (
  text: string,
  maxWidth: number,
  m: TextMeasurer,
  weight: FontWeight,
  size: number,
  firstLineIndent = 0,
): Line[] => {
  const lines: Line[] = [];
  for (const para of text.split(/\r?\n/)) {
    const queue = m
      .tokens(para, weight, size)
      .flatMap((t) => (t.width > maxWidth ? splitLongToken(t, maxWidth, m, size) : [t]));
    let current: Token[] = [];
    // Every paragraph of the text starts with the indent (each is a new paragraph after \n).
    let width = firstLineIndent;
    let isFirst = true;
    const flush = (): void => {
      lines.push(lineOf(current, isFirst ? firstLineIndent : 0));
      isFirst = false;
      current = [];
      width = 0;
    };
    for (const t of queue) {
      if (width + t.width <= maxWidth || current.length === 0 || t.space) {
        current.push(t);
        width += t.width;
        continue;
      }
      if (CLOSING.has(t.text)) {
        current.push(t); // hangs past the margin
        flush();
        continue;
      }
      const carried: Token[] = [];
      while (current.length > 1 && OPENING.has(current[current.length - 1]?.text ?? '')) {
        const last = current.pop();
        if (last) carried.unshift(last);
      }
      flush();
      current = [...carried, t];
      width = current.reduce((w, x) => w + x.width, 0);
    }
    if (current.length > 0 || isFirst) flush();
  }
  return lines;
};

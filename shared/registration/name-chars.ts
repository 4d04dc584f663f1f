/**
 * Character rules for company names: standard Chinese characters only (规范汉字). Without the
 * 8,105-character 通用规范汉字表 in the bundle we accept the CJK Unified Ideographs block
 * (U+4E00–U+9FFF, which excludes the rare Extension A/B characters) and reject the traditional
 * forms most often typed by mistake.
 */
const isCjkUnified = (cp: number): boolean => cp >= 0x4e00 && cp <= 0x9fff;

const traditional = new Set(
  '廣東國際華電網絡貿發雲興業務實經營資訊術計劃設備機構門樓車輛運輸鐵鋼銷醫藥療養環廠產農漁礦氣體員會議號碼創動學習聯藝廳館場禮儀開關頭顏書畫圖報紙風飛馬龍鳳鳥魚島億萬豐歲歷壓縮讀寫聽說臺灣陽陰陸隊險雜難題類顧條標準樂歡勞訓練協區縣鄉鎮',
);

// Only characters outside GB 2312 are listed, so no simplified character is ever refused.

export type CharProblem = { char: string; kind: 'non-chinese' | 'traditional' };

/** Offending characters in order of first appearance; `allowed` characters are skipped. */
export const findCharProblems = (name: string, allowed: ReadonlySet<string> = new Set()): CharProblem[] => {
  const seen = new Set<string>();
  const out: CharProblem[] = [];
  for (const ch of name) {
    if (allowed.has(ch) || seen.has(ch)) continue;
    const cp = ch.codePointAt(0) ?? 0;
    if (!isCjkUnified(cp)) {
      seen.add(ch);
      out.push({ char: ch, kind: 'non-chinese' });
    } else if (traditional.has(ch)) {
      seen.add(ch);
      out.push({ char: ch, kind: 'traditional' });
    }
  }
  return out;
};

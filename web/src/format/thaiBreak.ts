// Where Thai text may break between lines. Browsers break Thai with the ICU word
// dictionary, which splits compound words: "จัดซื้อจัดจ้าง" is four dictionary words
// (จัด|ซื้อ|จัด|จ้าง), and a line may end after "จัดซื้อจัด". These helpers find the
// pieces that must stay on one line, with Intl.Segmenter (the same ICU breaker):
//   - elaborate expressions of the pattern A B A C (จัดซื้อจัดจ้าง, ไปไหนมาไหน is not),
//   - compounds the dictionary splits that plan and budget texts use often.
// The rest keeps the browser's own Thai line breaking.

// Compounds written as one word in official texts that ICU's dictionary splits.
const compounds = [
  "จัดซื้อจัดจ้าง",
  "เบิกจ่าย",
  "ตัวชี้วัด",
  "เป้าหมาย",
  "นวัตวิถี",
  "บูรณาการ",
  "งบประมาณ",
  "ยุทธศาสตร์",
  "ท่องเที่ยว",
  "วิสัยทัศน์",
];

const thaiLetter = /[\u0E00-\u0E7F]/;

export interface TextPiece {
  text: string;
  keep: boolean; // must not break inside
}

let segmenter: Intl.Segmenter | null | undefined;
function thaiSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    segmenter =
      typeof Intl !== "undefined" && "Segmenter" in Intl
        ? new Intl.Segmenter("th", { granularity: "word" })
        : null;
  }
  return segmenter;
}

// Splits text into pieces; pieces marked `keep` must stay on one line.
export function thaiPieces(text: string): TextPiece[] {
  const seg = thaiSegmenter();
  if (!seg || !thaiLetter.test(text)) return [{ text, keep: false }];
  const words = Array.from(seg.segment(text), (part) => part.segment);
  const keepUntil = new Array<number>(words.length).fill(-1); // index of the last word kept with word i
  for (let i = 0; i + 3 < words.length; i += 1) {
    const [a, b, c, d] = [words[i]!, words[i + 1]!, words[i + 2]!, words[i + 3]!];
    if (a === c && a !== b && b !== d && [a, b, d].every((word) => thaiLetter.test(word) && !/\s/.test(word)))
      keepUntil[i] = i + 3;
  }
  // Compounds: match on the joined text at word boundaries.
  let offset = 0;
  const starts = words.map((word) => {
    const start = offset;
    offset += word.length;
    return start;
  });
  for (const compound of compounds) {
    let from = text.indexOf(compound);
    while (from >= 0) {
      const first = starts.indexOf(from);
      const endIndex = starts.findIndex(
        (start, index) => start + words[index]!.length === from + compound.length,
      );
      if (first >= 0 && endIndex > first) keepUntil[first] = Math.max(keepUntil[first]!, endIndex);
      from = text.indexOf(compound, from + 1);
    }
  }
  const pieces: TextPiece[] = [];
  let plain = "";
  for (let i = 0; i < words.length; i += 1) {
    if (keepUntil[i]! > i) {
      if (plain) pieces.push({ text: plain, keep: false });
      plain = "";
      let end = keepUntil[i]!;
      // Overlapping runs join into one.
      for (let j = i + 1; j <= end && j < words.length; j += 1) end = Math.max(end, keepUntil[j]!);
      pieces.push({ text: words.slice(i, end + 1).join(""), keep: true });
      i = end;
    } else {
      plain += words[i];
    }
  }
  if (plain) pieces.push({ text: plain, keep: false });
  return pieces;
}

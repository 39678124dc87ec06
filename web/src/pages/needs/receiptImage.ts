// "Save as image" for a receipt: the code, the need's title, the date and the
// address to follow it, drawn on a canvas and saved as a PNG (no library needed).
export interface ReceiptCard {
  heading: string;
  receiptLabel: string;
  receipt: string;
  title: string | null;
  submitted: string;
  followText: string;
  address: string;
}

// Splits text into lines that fit `width` at word boundaries (Thai words by Intl.Segmenter).
export function wrapLines(text: string, width: number, measure: (text: string) => number): string[] {
  const words =
    typeof Intl !== "undefined" && "Segmenter" in Intl
      ? Array.from(new Intl.Segmenter("th", { granularity: "word" }).segment(text), (part) => part.segment)
      : text.split(/(\s+)/);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line && measure(line + word) > width) {
      lines.push(line.trimEnd());
      line = word.trimStart();
    } else {
      line += word;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

export async function drawReceipt(card: ReceiptCard): Promise<Blob> {
  const font = '"Sarabun", "Noto Sans Thai", Tahoma, sans-serif';
  await Promise.all(
    ["400 20px Sarabun", "600 20px Sarabun"].map((spec) => document.fonts?.load(spec).catch(() => [])),
  );
  const width = 720;
  const padding = 40;
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d");
  if (!context) throw new Error("canvas is not available");
  context.font = `600 26px ${font}`;
  const titleLines = card.title
    ? wrapLines(card.title, width - 2 * padding, (t) => context.measureText(t).width)
    : [];
  const height = 330 + titleLines.length * 36;
  const scale = 2; // sharp on phones
  canvas.width = width * scale;
  canvas.height = height * scale;
  context.scale(scale, scale);
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, width, height);
  context.fillStyle = "#0b5d7a";
  context.fillRect(0, 0, width, 8);
  let y = padding + 24;
  context.fillStyle = "#1d2730";
  context.font = `600 24px ${font}`;
  context.fillText(card.heading, padding, y);
  y += 44;
  context.fillStyle = "#55626e";
  context.font = `400 18px ${font}`;
  context.fillText(card.receiptLabel, padding, y);
  y += 50;
  context.fillStyle = "#1d2730";
  context.font = `600 40px ui-monospace, "DejaVu Sans Mono", monospace`;
  context.fillText(card.receipt, padding, y);
  y += 50;
  context.font = `600 26px ${font}`;
  for (const line of titleLines) {
    context.fillText(line, padding, y);
    y += 36;
  }
  context.fillStyle = "#55626e";
  context.font = `400 18px ${font}`;
  context.fillText(card.submitted, padding, y);
  y += 40;
  context.fillText(card.followText, padding, y);
  y += 28;
  context.fillStyle = "#0b5d7a";
  context.fillText(card.address, padding, y);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("no image"))), "image/png"),
  );
}

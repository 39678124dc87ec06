// Places a label beside each bubble so that no two labels (and no label and another
// bubble) overlap: below first, then above, right, left; the first free spot wins,
// bigger bubbles first. Thai text width is estimated from its letters (marks above
// and below the line take no width).
export interface Bubble {
  key: string;
  x: number;
  y: number;
  radius: number;
  label: string;
}

export interface PlacedLabel {
  key: string;
  x: number;
  y: number; // baseline
  anchor: "start" | "middle" | "end";
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const combining = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g;

export function estimateWidth(text: string, fontSize: number): number {
  return text.replace(combining, "").length * fontSize * 0.55;
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

export function placeLabels(bubbles: Bubble[], fontSize = 12, gap = 3): PlacedLabel[] {
  const taken: Box[] = bubbles.map((b) => ({
    left: b.x - b.radius,
    top: b.y - b.radius,
    right: b.x + b.radius,
    bottom: b.y + b.radius,
  }));
  const placed: PlacedLabel[] = [];
  const order = [...bubbles].sort((a, b) => b.radius - a.radius);
  for (const bubble of order) {
    const width = estimateWidth(bubble.label, fontSize);
    const height = fontSize * 1.3;
    const candidates: PlacedLabel[] = [
      { key: bubble.key, x: bubble.x, y: bubble.y + bubble.radius + gap + fontSize, anchor: "middle" },
      { key: bubble.key, x: bubble.x, y: bubble.y - bubble.radius - gap, anchor: "middle" },
      { key: bubble.key, x: bubble.x + bubble.radius + gap, y: bubble.y + fontSize / 3, anchor: "start" },
      { key: bubble.key, x: bubble.x - bubble.radius - gap, y: bubble.y + fontSize / 3, anchor: "end" },
    ];
    const box = (label: PlacedLabel): Box => {
      const left =
        label.anchor === "middle"
          ? label.x - width / 2
          : label.anchor === "start"
            ? label.x
            : label.x - width;
      return { left, right: left + width, top: label.y - fontSize, bottom: label.y - fontSize + height };
    };
    const own = taken[bubbles.indexOf(bubble)];
    const free = candidates.find((label) => {
      const b = box(label);
      return !taken.some((other) => other !== own && overlaps(b, other));
    });
    const chosen = free ?? candidates[0]!;
    taken.push(box(chosen));
    placed.push(chosen);
  }
  return bubbles.map((bubble) => placed.find((label) => label.key === bubble.key)!);
}

// Thai-first labels of the tourism pages ({th, en} pairs read with `pick`).
import type { LocalizedText } from "../../api/types";

export const otopGroups: Record<string, LocalizedText> = {
  food: { th: "อาหาร", en: "Food" },
  drink: { th: "เครื่องดื่ม", en: "Drinks" },
  textile: { th: "ผ้าและเครื่องแต่งกาย", en: "Textiles and clothing" },
  souvenir: { th: "ของใช้ ของตกแต่ง ของที่ระลึก", en: "Household, decorative and souvenir items" },
  herbal: { th: "สมุนไพรที่ไม่ใช่อาหาร", en: "Non-food herbal products" },
};

export const cbtDimensions: Record<string, LocalizedText> = {
  management: { th: "การบริหารจัดการ", en: "Management" },
  economy: { th: "เศรษฐกิจและสังคม", en: "Economy and society" },
  culture: { th: "วัฒนธรรม", en: "Culture" },
  environment: { th: "ทรัพยากรธรรมชาติและสิ่งแวดล้อม", en: "Nature and environment" },
  service: { th: "บริการและความปลอดภัย", en: "Service and safety" },
};

// The Buddhist-era fiscal year (October to September) a date falls in.
export function fiscalYearOf(date = new Date()): number {
  const thai = new Date(date.getTime() + 7 * 3600 * 1000);
  return thai.getUTCFullYear() + 543 + (thai.getUTCMonth() >= 9 ? 1 : 0);
}

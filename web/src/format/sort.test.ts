import { describe, expect, it } from "vitest";
import { matchesFilter, sortByName } from "./sort";

const districts = [
  { name_th: "เมืองตราด", name_en: "Mueang Trat" },
  { name_th: "คลองใหญ่", name_en: "Khlong Yai" },
  { name_th: "เขาสมิง", name_en: "Khao Saming" },
  { name_th: "บ่อไร่", name_en: "Bo Rai" },
  { name_th: "แหลมงอบ", name_en: "Laem Ngop" },
  { name_th: "เกาะกูด", name_en: "Ko Kut" },
  { name_th: "เกาะช้าง", name_en: "Ko Chang" },
];

describe("Thai sort", () => {
  it("orders Thai names by consonant, skipping leading vowels", () => {
    expect(sortByName(districts, "th").map((d) => d.name_th)).toEqual([
      "เกาะกูด",
      "เกาะช้าง",
      "เขาสมิง",
      "คลองใหญ่",
      "บ่อไร่",
      "เมืองตราด",
      "แหลมงอบ",
    ]);
  });
  it("orders English names alphabetically", () => {
    expect(sortByName(districts, "en").map((d) => d.name_en)).toEqual([
      "Bo Rai",
      "Khao Saming",
      "Khlong Yai",
      "Ko Chang",
      "Ko Kut",
      "Laem Ngop",
      "Mueang Trat",
    ]);
  });
  it("filters on any of the given texts", () => {
    expect(matchesFilter("ช้าง", "เกาะช้าง", "Ko Chang")).toBe(true);
    expect(matchesFilter("chang", "เกาะช้าง", "Ko Chang")).toBe(true);
    expect(matchesFilter("kut", "เกาะช้าง", "Ko Chang")).toBe(false);
  });
});

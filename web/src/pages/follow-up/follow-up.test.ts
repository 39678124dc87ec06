// The follow-up pages' pure parts: the directive status order offered to users is the
// server's (src/modules/follow_up/rules.cpp), and every text exists in both languages.
import { describe, expect, it } from "vitest";
import { directiveStatuses, findingKinds, nextStatuses } from "../../api/followUp";
import { followUpEn, followUpTh } from "../../i18n/messages-follow-up";

describe("follow-up", () => {
  it("offers only the next statuses in order", () => {
    expect(nextStatuses("open")).toEqual(["in_progress", "cancelled"]);
    expect(nextStatuses("in_progress")).toEqual(["done", "cancelled"]);
    expect(nextStatuses("done")).toEqual([]);
    expect(nextStatuses("cancelled")).toEqual([]);
  });

  it("names every status, kind and risk in Thai and English", () => {
    const keys = [
      ...directiveStatuses.map((status) => `fu.status.${status}`),
      ...findingKinds.map((kind) => `fu.kind.${kind}`),
      ...["low", "medium", "high"].map((risk) => `fu.risk.${risk}`),
    ];
    for (const key of keys) {
      expect(followUpTh).toHaveProperty(key);
      expect(followUpEn).toHaveProperty(key);
    }
    expect(Object.keys(followUpEn).sort()).toEqual(Object.keys(followUpTh).sort());
  });
});

import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/client";
import { both, formProblems } from "./errors";

const text = { th: "เกินงบ", en: "Above" };

describe("formProblems", () => {
  it("puts a stale version on the save button and nowhere else", () => {
    const problems = formProblems(new ApiError(409, "stale_version", text), ["po"]);
    expect(problems.stale).toBe(true);
    expect(problems.general).toBeNull();
    expect(Object.keys(problems.fields)).toEqual(["version"]);
  });

  it("places a rule error without fields on the fields its code concerns", () => {
    const error = new ApiError(422, "above_allocation", text);
    const problems = formProblems(error, ["po", "disbursed"], { above_allocation: ["po", "disbursed"] });
    expect(problems.fields.po).toEqual(text);
    expect(problems.fields.disbursed).toEqual(text);
    expect(problems.general).toBeNull();
  });

  it("keeps the notice when a field is not on the form", () => {
    const error = new ApiError(422, "invalid_input", text, { other: text, po: text });
    const problems = formProblems(error, ["po"]);
    expect(problems.general).toBe(error);
    expect(problems.fields.po).toEqual(text);
  });

  it("shows an unknown rule error above the form", () => {
    const error = new ApiError(422, "fiscal_year_closed", text);
    expect(formProblems(error, ["po"]).general).toBe(error);
  });
});

describe("both", () => {
  it("gives a message in both languages, with values per language", () => {
    const text = both("ap.error.below_previous", (language) => ({
      month: language === "en" ? "August 2569 BE" : "สิงหาคม 2569",
      amount: language === "en" ? "1.00 baht" : "1.00 บาท",
    }));
    expect(text.th).toBe("เบิกจ่ายสะสมต้องไม่น้อยกว่าของสิ้นเดือนสิงหาคม 2569 (1.00 บาท)");
    expect(text.en).toBe("Disbursed to date cannot be below the end of August 2569 BE (1.00 baht)");
  });
});
